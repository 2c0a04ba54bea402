import { DomainEvent } from '../../common/event';
import { LocalServiceOperationType } from '../../operations/local-service-operation.dto';
import { LocalServiceOperationDetails, LocalServiceState } from '../local-service-state';

// The service enters the operation's transient `state`; a saga carries the operation out.
export type LocalServiceOperationRequestedEvent = DomainEvent<
  'LocalServiceOperationRequested',
  {
    serviceId: string;
    operation: LocalServiceOperationType;
    state: LocalServiceState;
    details: LocalServiceOperationDetails;
    at: number;
  }
>;
