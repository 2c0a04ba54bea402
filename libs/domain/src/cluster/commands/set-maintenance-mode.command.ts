export interface SetMaintenanceModeCommand {
  type: 'SetMaintenanceMode';
  // the controller that served the request (Drove's event HOSTNAME)
  hostname: string;
  at: number;
}
