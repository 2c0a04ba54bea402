import { DomainEvent } from '../../common/event';
import { OperationOutcome } from '../../application/commands/complete-application-operation.command';
import { ActivationState } from '../local-service-state';

export type LocalServiceOperationCompletedEvent = DomainEvent<
  'LocalServiceOperationCompleted',
  {
    serviceId: string;
    operation: string;
    outcome: OperationOutcome;
    state: ActivationState;
    instancesPerHost: number;
    error?: string;
    at: number;
  }
>;
