import { Clock, TaskInfoJson, taskDecider, taskStream } from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { ClusterViewService } from '../projections/cluster-view.service';

/**
 * An executor's report on a task, recorded through the task decider (which drops a report not newer than the
 * stored one, or with the state already recorded). A task the log does not know is not recorded.
 */
export async function recordTaskReport(
  pipeline: CommandPipeline,
  clusterView: ClusterViewService,
  info: TaskInfoJson,
  actor: string,
  clock: Clock,
): Promise<void> {
  const known = clusterView.view.tasks.task(info.sourceAppName, info.taskId);
  if (!known || known.instanceId !== info.instanceId || known.state === info.state) return;
  await pipeline.execute(
    taskDecider,
    taskStream(info.sourceAppName, info.taskId),
    { type: 'RecordTaskState', info, at: clock.now() },
    { actor },
  );
}
