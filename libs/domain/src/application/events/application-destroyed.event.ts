import { DomainEvent } from '../../common/event';

// State DESTROYED: the id may be created again.
export type ApplicationDestroyedEvent = DomainEvent<'ApplicationDestroyed', { appId: string; at: number }>;
