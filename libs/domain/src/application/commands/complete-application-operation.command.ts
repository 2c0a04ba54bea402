export const OPERATION_OUTCOMES = ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type OperationOutcome = (typeof OPERATION_OUTCOMES)[number];

// Sent by the saga carrying out the running operation when it is over; `healthyInstances` is what it saw last.
export interface CompleteApplicationOperationCommand {
  type: 'CompleteApplicationOperation';
  appId: string;
  outcome: OperationOutcome;
  healthyInstances: number;
  error?: string;
  at: number;
}
