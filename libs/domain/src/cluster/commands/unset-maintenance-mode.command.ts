export interface UnsetMaintenanceModeCommand {
  type: 'UnsetMaintenanceMode';
  hostname: string;
  at: number;
}
