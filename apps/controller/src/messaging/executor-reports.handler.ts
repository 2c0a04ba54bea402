import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  Clock,
  ControllerMessage,
  ExecutorNodeDataJson,
  AnyInstanceInfoJson,
  IdGenerator,
  RUNNING_INSTANCE_STATES,
  isLocalServiceInstance,
  instanceDecider,
  instanceStream,
  requestHeader,
} from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ClusterViewService } from '../projections/cluster-view.service';
import { TaskReports } from '../tasks/task-reports';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from './executor-messenger';

/** A zombie is sent STOP at most this often while executors keep reporting it. */
const ZOMBIE_STOP_EVERY_MS = 10_000;

/**
 * Executor -> controller messages: resources go to the registry (memory only), instance states to the log through
 * the instance decider (which ignores a report not newer than the stored one, as Drove does). A snapshot's
 * instances are recorded only where their state differs from the view, so the periodic refresh writes nothing
 * unless a pushed report was lost. An instance the log does not know (started by no controller of this cluster:
 * a zombie) is not recorded; while it runs it is sent STOP_INSTANCE (leader only). So is one the log holds LOST
 * that a returning executor (hung, then alive again) still runs: it has been replaced meanwhile.
 */
@Injectable()
export class ExecutorReportsHandler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExecutorReports');
  private stopLeading: (() => void) | undefined;
  private readonly zombieStops = new Map<string, number>();

  constructor(
    private readonly registry: ExecutorRegistry,
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(EXECUTOR_MESSENGER) private readonly messenger: ExecutorMessenger,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly taskReports: TaskReports,
  ) {}

  /**
   * A new leader takes the instance states in the executors' last node data at once: reports pushed while no
   * controller led were dropped by the executors, and their next refresh may be 20 s away.
   */
  onApplicationBootstrap(): void {
    this.stopLeading = this.fence.onLeading(() => {
      for (const data of this.registry.all()) {
        this.reconcile(data, 'leader-takeover').catch((error: unknown) =>
          this.logger.warn(`reconciling ${data.state.executorId}: ${String(error)}`),
        );
      }
    });
  }

  onModuleDestroy(): void {
    this.stopLeading?.();
  }

  async handle(message: ControllerMessage, actor: string): Promise<void> {
    switch (message.type) {
      case 'INSTANCE_STATE_REPORT':
      case 'LOCAL_SERVICE_INSTANCE_STATE_REPORT':
        this.registry.updateResources(message.resourceSnapshot);
        if (this.clusterView.view.instance(message.instanceInfo.instanceId)) {
          await this.recordInstance(message.instanceInfo, actor);
        } else this.stopZombie(message.instanceInfo);
        return;
      case 'EXECUTOR_SNAPSHOT':
        await this.snapshot(message.nodeData, actor);
        return;
      case 'TASK_STATE_REPORT':
        this.registry.updateResources(message.resourceSnapshot);
        await this.taskReports.record(message.instanceInfo, actor);
        return;
    }
  }

  /** Node data from the executor's znode or an EXECUTOR_SNAPSHOT message. */
  async snapshot(nodeData: ExecutorNodeDataJson, actor: string): Promise<void> {
    this.registry.update(nodeData);
    await this.reconcile(nodeData, actor);
  }

  private async reconcile(nodeData: ExecutorNodeDataJson, actor: string): Promise<void> {
    if (this.fence.path() === null) return;
    const view = this.clusterView.view;
    for (const info of [...(nodeData.instances ?? []), ...(nodeData.serviceInstances ?? [])]) {
      const known = view.instance(info.instanceId);
      if (!known) this.stopZombie(info);
      else if (known.state !== info.state) {
        const recorded = await this.recordInstance(info, actor);
        if (known.state === 'LOST' && !recorded) this.stopZombie(info, 'is LOST in the log (replaced)');
      }
    }
    for (const task of nodeData.tasks ?? []) await this.taskReports.record(task, actor);
  }

  private stopZombie(info: AnyInstanceInfoJson, why = 'is unknown to the log'): void {
    const address = this.registry.address(info.executorId);
    const now = Date.now();
    const last = this.zombieStops.get(info.instanceId) ?? 0;
    if (this.fence.path() === null || !address || !RUNNING_INSTANCE_STATES.includes(info.state)) return;
    if (now - last < ZOMBIE_STOP_EVERY_MS) return;
    this.zombieStops.set(info.instanceId, now);
    this.logger.warn(`${info.instanceId} on ${info.executorId} ${why}: stopping it`);
    void this.messenger.send(address, {
      type: isLocalServiceInstance(info) ? 'STOP_LOCAL_SERVICE_INSTANCE' : 'STOP_INSTANCE',
      header: requestHeader('CONTROLLER', this.ids, this.clock),
      address,
      instanceId: info.instanceId,
    });
  }

  /** Whether the report changed the instance in the log. */
  private async recordInstance(info: AnyInstanceInfoJson, actor: string): Promise<boolean> {
    const outcome = await this.pipeline.execute(
      instanceDecider,
      instanceStream(info.instanceId),
      { type: 'RecordInstanceState', info, at: this.clock.now() },
      { actor },
    );
    if (!outcome.ok) this.logger.debug(`report on ${info.instanceId}: ${outcome.error.messages.join(', ')}`);
    return outcome.ok && outcome.events.length > 0;
  }
}
