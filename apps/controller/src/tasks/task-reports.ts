import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, IdGenerator, TaskInfoJson, requestHeader, taskDecider, taskStream } from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ClusterViewService } from '../projections/cluster-view.service';

/** A zombie task is sent STOP_TASK at most this often while executors keep reporting it. */
const ZOMBIE_STOP_EVERY_MS = 10_000;

/**
 * Executors' reports on tasks (pushed, or in snapshots), recorded through the task decider, which drops a report
 * not newer than the stored one; one with the state already recorded is not even sent to it. A RUNNING task the
 * log does not know (a zombie: Drove's controller kills a task without a runner) is sent STOP_TASK, leader only.
 */
@Injectable()
export class TaskReports {
  private readonly logger = new Logger('TaskReports');
  private readonly zombieStops = new Map<string, number>();

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(EXECUTOR_MESSENGER) private readonly messenger: ExecutorMessenger,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async record(info: TaskInfoJson, actor: string): Promise<void> {
    const known = this.clusterView.view.tasks.task(info.sourceAppName, info.taskId);
    if (!known || known.instanceId !== info.instanceId) {
      this.stopZombie(info);
      return;
    }
    if (known.state === info.state) return;
    const outcome = await this.pipeline.execute(
      taskDecider,
      taskStream(info.sourceAppName, info.taskId),
      { type: 'RecordTaskState', info, at: this.clock.now() },
      { actor },
    );
    if (!outcome.ok) this.logger.debug(`report on ${info.instanceId}: ${outcome.error.messages.join(', ')}`);
  }

  private stopZombie(info: TaskInfoJson): void {
    const address = this.registry.address(info.executorId);
    const now = Date.now();
    if (this.fence.path() === null || !address || info.state !== 'RUNNING') return;
    if (now - (this.zombieStops.get(info.instanceId) ?? 0) < ZOMBIE_STOP_EVERY_MS) return;
    this.zombieStops.set(info.instanceId, now);
    this.logger.warn(`task ${info.instanceId} on ${info.executorId} is unknown to the log: stopping it`);
    void this.messenger.send(address, {
      type: 'STOP_TASK',
      header: requestHeader('CONTROLLER', this.ids, this.clock),
      address,
      instanceId: info.instanceId,
    });
  }
}
