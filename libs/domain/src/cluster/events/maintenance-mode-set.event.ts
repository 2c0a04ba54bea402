import { DomainEvent } from '../../common/event';

export type MaintenanceModeSetEvent = DomainEvent<'MaintenanceModeSet', { hostname: string; at: number }>;
