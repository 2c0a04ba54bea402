import { DomainEvent } from '../../common/event';

export type LocalServiceDestroyedEvent = DomainEvent<
  'LocalServiceDestroyed',
  { serviceId: string; at: number }
>;
