import { DomainEvent } from '../../common/event';

export type LocalServiceOperationCancelRequestedEvent = DomainEvent<
  'LocalServiceOperationCancelRequested',
  { serviceId: string; at: number }
>;
