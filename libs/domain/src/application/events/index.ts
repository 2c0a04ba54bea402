import { eventsOf } from '../../common/event';
import { ApplicationCreatedEvent } from './application-created.event';
import { ApplicationDestroyRequestedEvent } from './application-destroy-requested.event';
import { ApplicationDestroyedEvent } from './application-destroyed.event';
import { ApplicationInstancesReplaceRequestedEvent } from './application-instances-replace-requested.event';
import { ApplicationInstancesStopRequestedEvent } from './application-instances-stop-requested.event';
import { ApplicationOperationCancelRequestedEvent } from './application-operation-cancel-requested.event';
import { ApplicationOperationCompletedEvent } from './application-operation-completed.event';
import { ApplicationOutageDetectedEvent } from './application-outage-detected.event';
import { ApplicationScalingRequestedEvent } from './application-scaling-requested.event';

export * from './application-created.event';
export * from './application-destroy-requested.event';
export * from './application-destroyed.event';
export * from './application-instances-replace-requested.event';
export * from './application-instances-stop-requested.event';
export * from './application-operation-cancel-requested.event';
export * from './application-operation-completed.event';
export * from './application-outage-detected.event';
export * from './application-scaling-requested.event';

export type ApplicationEvent =
  | ApplicationCreatedEvent
  | ApplicationScalingRequestedEvent
  | ApplicationOutageDetectedEvent
  | ApplicationInstancesStopRequestedEvent
  | ApplicationInstancesReplaceRequestedEvent
  | ApplicationDestroyRequestedEvent
  | ApplicationOperationCancelRequestedEvent
  | ApplicationOperationCompletedEvent
  | ApplicationDestroyedEvent;

export const applicationEvent = eventsOf<ApplicationEvent>();
