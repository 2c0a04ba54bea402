export const OPERATION_OUTCOMES = ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type OperationOutcome = (typeof OPERATION_OUTCOMES)[number];

// Sent by the saga carrying out the running operation when it is over; `healthyInstances` is what it saw last.
export interface CompleteApplicationOperationCommand {
  type: 'CompleteApplicationOperation';
  appId: string;
  outcome: OperationOutcome;
  healthyInstances: number;
  error?: string;
  /** STOP_INSTANCES: how many listed instances still run (their stop failed, or was not attempted after it). */
  instancesLeftRunning?: number;
  at: number;
}

/** The audit log must say why an operation failed: a FAILED outcome without an error is refused. */
export const FAILED_WITHOUT_ERROR = 'A FAILED outcome needs an error message';
export const failedWithoutError = (outcome: OperationOutcome, error: string | undefined): boolean =>
  outcome === 'FAILED' && !error?.trim();
