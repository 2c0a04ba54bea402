import { eventsOf } from '../../common/event';
import { TaskCreatedEvent } from './task-created.event';
import { TaskDeletedEvent } from './task-deleted.event';
import { TaskKillRequestedEvent } from './task-kill-requested.event';
import { TaskStateChangedEvent } from './task-state-changed.event';

export * from './task-created.event';
export * from './task-deleted.event';
export * from './task-kill-requested.event';
export * from './task-state-changed.event';

export type TaskEvent = TaskCreatedEvent | TaskStateChangedEvent | TaskKillRequestedEvent | TaskDeletedEvent;

export const taskEvent = eventsOf<TaskEvent>();
