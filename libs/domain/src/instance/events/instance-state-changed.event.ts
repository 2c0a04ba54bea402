import { DomainEvent } from '../../common/event';
import { AnyInstanceInfoJson } from '../instance-info';
import { InstanceState } from '../instance-state';

// The full record as last reported, so views (instances, endpoints, the Drove event feed) need nothing else.
export type InstanceStateChangedEvent = DomainEvent<
  'InstanceStateChanged',
  { info: AnyInstanceInfoJson; previousState?: InstanceState; at: number }
>;
