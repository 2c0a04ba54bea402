export interface CancelLocalServiceOperationCommand {
  type: 'CancelLocalServiceOperation';
  serviceId: string;
  at: number;
}
