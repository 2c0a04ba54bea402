import {
  ACTIVE_INSTANCE_STATES,
  InstanceAggregate,
  TERMINAL_TASK_STATES,
  TaskAggregate,
} from '@drove/domain';

/** Listed by `/instances/old`: reported in a state that is not active (STOPPED, LOST, *_FAILED, UNKNOWN). */
export const isOldInstance = (instance: InstanceAggregate): boolean =>
  instance.state !== undefined && !ACTIVE_INSTANCE_STATES.includes(instance.state);

/** A task that will not change any more (Drove's cleaner deletes only these). */
export const isFinishedTask = (task: TaskAggregate): boolean =>
  task.state !== undefined && TERMINAL_TASK_STATES.includes(task.state);

/** When the record last changed: its last report, else its creation; 0 when neither is known (oldest). */
export const lastChangeOf = (record: { updated?: number; created?: number }): number =>
  record.updated ?? record.created ?? 0;
