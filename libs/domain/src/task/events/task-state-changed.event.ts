import { DomainEvent } from '../../common/event';
import { TaskInfoJson } from '../task-info';
import { TaskState } from '../task-state';

export type TaskStateChangedEvent = DomainEvent<
  'TaskStateChanged',
  { info: TaskInfoJson; previousState?: TaskState; at: number }
>;
