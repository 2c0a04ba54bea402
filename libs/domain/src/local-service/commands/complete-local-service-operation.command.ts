import { OperationOutcome } from '../../application/commands/complete-application-operation.command';

export interface CompleteLocalServiceOperationCommand {
  type: 'CompleteLocalServiceOperation';
  serviceId: string;
  outcome: OperationOutcome;
  error?: string;
  at: number;
}
