import { DomainEvent } from '../../common/event';

export type ExecutorBlacklistedEvent = DomainEvent<'ExecutorBlacklisted', { executorId: string; at: number }>;
