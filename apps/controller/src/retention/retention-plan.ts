import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { isFinishedTask, isOldInstance, lastChangeOf } from './old-records';

export interface RetentionLimits {
  instanceAgeMs: number;
  maxOldInstancesPerApp: number;
  taskAgeMs: number;
}

export interface PrunePlan {
  instanceIds: string[];
  taskRunIds: string[];
}

/**
 * What to drop from the view at `now`: per app, old instances beyond the newest `maxOldInstancesPerApp`, and
 * those last changed before `now - instanceAgeMs`; finished tasks last changed before `now - taskAgeMs`.
 * Pure: the leader records its result as an event, which is what every view applies.
 */
export function planPruning(view: ClusterViewProjection, now: number, limits: RetentionLimits): PrunePlan {
  const instanceIds: string[] = [];
  for (const app of view.applications()) {
    const old = view
      .instancesOf(app.appId as string)
      .filter(isOldInstance)
      .sort((a, b) => lastChangeOf(b) - lastChangeOf(a));
    old.forEach((instance, newestFirst) => {
      if (newestFirst >= limits.maxOldInstancesPerApp || lastChangeOf(instance) < now - limits.instanceAgeMs)
        instanceIds.push(instance.instanceId as string);
    });
  }
  const taskRunIds = view.tasks
    .all()
    .filter((task) => isFinishedTask(task) && lastChangeOf(task) < now - limits.taskAgeMs)
    .map((task) => task.taskRunId as string);
  return { instanceIds, taskRunIds };
}
