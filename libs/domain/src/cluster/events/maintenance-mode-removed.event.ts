import { DomainEvent } from '../../common/event';

export type MaintenanceModeRemovedEvent = DomainEvent<
  'MaintenanceModeRemoved',
  { hostname: string; at: number }
>;
