import { DomainEvent } from '../../common/event';

// The task's record is gone (Drove's DELETE or stale cleanup); the same task id may be created again.
export type TaskDeletedEvent = DomainEvent<'TaskDeleted', { taskRunId: string; at: number }>;
