import { DomainEvent } from '../../common/event';

export type ExecutorRemovedEvent = DomainEvent<'ExecutorRemoved', { executorId: string; at: number }>;
