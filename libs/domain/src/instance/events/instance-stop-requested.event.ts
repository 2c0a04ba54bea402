import { DomainEvent } from '../../common/event';

export type InstanceStopRequestedEvent = DomainEvent<
  'InstanceStopRequested',
  { instanceId: string; executorId: string; at: number }
>;
