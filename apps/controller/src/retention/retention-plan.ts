import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { isFinishedTask, isOldInstance, lastChangeOf } from './old-records';
import { ViewRecordsPrunedData } from './view-records-pruned.event';

/** Ids per event: keeps one event far below ZooKeeper's 1 MB znode limit. */
const IDS_PER_EVENT = 1000;

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

/** The plan as ViewRecordsPruned data, at most IDS_PER_EVENT ids of each kind per event (one append each). */
export function prunedEvents(plan: PrunePlan, at: number): ViewRecordsPrunedData[] {
  const events: ViewRecordsPrunedData[] = [];
  for (let i = 0; i < Math.max(plan.instanceIds.length, plan.taskRunIds.length); i += IDS_PER_EVENT) {
    events.push({
      instanceIds: plan.instanceIds.slice(i, i + IDS_PER_EVENT),
      taskRunIds: plan.taskRunIds.slice(i, i + IDS_PER_EVENT),
      at,
    });
  }
  return events;
}
