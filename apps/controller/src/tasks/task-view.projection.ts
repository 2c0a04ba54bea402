import { TaskAggregate, TaskEvent, taskDecider } from '@drove/domain';
import { isFinishedTask } from '../retention/old-records';

/**
 * Tasks as far as the log has been read, folded with the task decider's own evolve, keyed by the stream's
 * `<sourceAppName>-<taskId>`. A deleted task is forgotten (its id may be used again); the log keeps its history.
 */
export class TaskViewProjection {
  private readonly tasksById = new Map<string, TaskAggregate>();

  apply(taskRunId: string, event: TaskEvent): void {
    const next: TaskAggregate | undefined = taskDecider.evolve(
      this.tasksById.get(taskRunId) ?? taskDecider.initialState,
      event,
    );
    if (next === undefined) return;
    if (next.deleted) this.tasksById.delete(taskRunId);
    else this.tasksById.set(taskRunId, next);
  }

  /** Drops the tasks given that are in a terminal state (retention). */
  prune(taskRunIds: string[]): void {
    for (const id of taskRunIds) {
      const task = this.tasksById.get(id);
      if (task !== undefined && isFinishedTask(task)) this.tasksById.delete(id);
    }
  }

  task(sourceAppName: string, taskId: string): TaskAggregate | undefined {
    return this.tasksById.get(`${sourceAppName}-${taskId}`);
  }

  /** [taskRunId, task] pairs, for a snapshot of the view. */
  entries(): [string, TaskAggregate][] {
    return [...this.tasksById.entries()];
  }

  load(entries: [string, TaskAggregate][]): void {
    for (const [id, task] of entries) this.tasksById.set(id, task);
  }

  /** In the order the tasks were created. */
  all(): TaskAggregate[] {
    return [...this.tasksById.values()];
  }
}
