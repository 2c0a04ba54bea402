import { eventsOf } from '../../common/event';
import { LocalServiceCreatedEvent } from './local-service-created.event';
import { LocalServiceDestroyedEvent } from './local-service-destroyed.event';
import { LocalServiceEmergencyDeactivationRequestedEvent } from './local-service-emergency-deactivation-requested.event';
import { LocalServiceOperationCancelRequestedEvent } from './local-service-operation-cancel-requested.event';
import { LocalServiceOperationCompletedEvent } from './local-service-operation-completed.event';
import { LocalServiceOperationRequestedEvent } from './local-service-operation-requested.event';

export * from './local-service-created.event';
export * from './local-service-destroyed.event';
export * from './local-service-emergency-deactivation-requested.event';
export * from './local-service-operation-cancel-requested.event';
export * from './local-service-operation-completed.event';
export * from './local-service-operation-requested.event';

export type LocalServiceEvent =
  | LocalServiceCreatedEvent
  | LocalServiceOperationRequestedEvent
  | LocalServiceOperationCancelRequestedEvent
  | LocalServiceOperationCompletedEvent
  | LocalServiceEmergencyDeactivationRequestedEvent
  | LocalServiceDestroyedEvent;

export const localServiceEvent = eventsOf<LocalServiceEvent>();
