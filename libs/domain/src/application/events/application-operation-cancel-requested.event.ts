import { DomainEvent } from '../../common/event';

// No state change: the saga running the operation stops and completes it as CANCELLED.
export type ApplicationOperationCancelRequestedEvent = DomainEvent<
  'ApplicationOperationCancelRequested',
  { appId: string; at: number }
>;
