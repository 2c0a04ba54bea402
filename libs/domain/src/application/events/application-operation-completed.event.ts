import { DomainEvent } from '../../common/event';
import { OperationOutcome } from '../commands/complete-application-operation.command';

// Back to a resting state (RUNNING or MONITORING) with the expected count the outcome implies.
export type ApplicationOperationCompletedEvent = DomainEvent<
  'ApplicationOperationCompleted',
  {
    appId: string;
    operation: string;
    outcome: OperationOutcome;
    state: 'RUNNING' | 'MONITORING';
    instances: number;
    error?: string;
    at: number;
  }
>;
