import { eventsOf } from '../../common/event';
import { InstanceStartRequestedEvent } from './instance-start-requested.event';
import { InstanceStateChangedEvent } from './instance-state-changed.event';
import { InstanceStopRequestedEvent } from './instance-stop-requested.event';

export * from './instance-start-requested.event';
export * from './instance-state-changed.event';
export * from './instance-stop-requested.event';

export type InstanceEvent =
  InstanceStartRequestedEvent | InstanceStateChangedEvent | InstanceStopRequestedEvent;

export const instanceEvent = eventsOf<InstanceEvent>();
