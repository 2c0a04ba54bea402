export interface CancelApplicationOperationCommand {
  type: 'CancelApplicationOperation';
  appId: string;
  at: number;
}
