// Issued by the system (e.g. a failed config test) to take a service out of service at once.
export interface RequestEmergencyDeactivationCommand {
  type: 'RequestEmergencyDeactivation';
  serviceId: string;
  reason: string;
  at: number;
}
