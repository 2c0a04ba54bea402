import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  ACTIVE_INSTANCE_STATES,
  Clock,
  ExecutorCommand,
  INSTANCE_LOST_MESSAGE,
  executorDecider,
  executorStream,
  instanceDecider,
  instanceStream,
} from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';
import { ExecutorChange, ExecutorIdentity, ExecutorRegistry } from './executor-registry';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';

const snapshotCommand = (identity: ExecutorIdentity, at: number): ExecutorCommand => ({
  type: 'RecordExecutorSnapshot',
  ...identity,
  at,
});

/**
 * The leader records executors in the log (added, state changed, removed) through the executor decider, which
 * writes nothing when nothing changed. Only meaningful changes reach it (the registry filters the periodic
 * snapshots); on becoming leader every live executor is recorded again, so changes seen while following land.
 */
@Injectable()
export class ExecutorLogService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExecutorLog');
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly registry: ExecutorRegistry,
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.stops.push(this.registry.onChange((change) => void this.record(change)));
    this.stops.push(
      this.fence.onLeading(() => {
        for (const identity of this.registry.identities()) void this.record({ type: 'UPDATED', identity });
      }),
    );
  }

  onModuleDestroy(): void {
    for (const stop of this.stops) stop();
  }

  async record(change: ExecutorChange): Promise<void> {
    if (this.fence.path() === null) return;
    const at = this.clock.now();
    const command: ExecutorCommand =
      change.type === 'UPDATED'
        ? snapshotCommand(change.identity, at)
        : { type: 'RemoveExecutor', executorId: change.executorId, at };
    const executorId = change.type === 'UPDATED' ? change.identity.executorId : change.executorId;
    try {
      const outcome = await this.pipeline.execute(executorDecider, executorStream(executorId), command, {
        actor: SYSTEM_ACTOR,
      });
      if (!outcome.ok) this.logger.warn(`executor ${executorId}: ${outcome.error.messages.join(', ')}`);
      if (change.type === 'REMOVED') await this.loseInstancesOn(executorId, at);
    } catch (error) {
      this.logger.warn(`executor ${executorId} not recorded: ${String(error)}`);
    }
  }

  /**
   * The instances (app and local-service) of a vanished executor are LOST (Drove: `Instance lost`); the monitor
   * then replaces app instances elsewhere.
   */
  private async loseInstancesOn(executorId: string, at: number): Promise<void> {
    const view = this.clusterView.view;
    const lost = [
      ...view.applications().flatMap((app) => view.instancesOf(app.appId as string)),
      ...view.localServices().flatMap((service) => view.serviceInstancesOf(service.serviceId as string)),
    ].filter((i) => i.executorId === executorId && i.info && ACTIVE_INSTANCE_STATES.includes(stateOf(i)));
    for (const instance of lost) {
      const instanceId = instance.instanceId as string;
      await this.pipeline.execute(
        instanceDecider,
        instanceStream(instanceId),
        { type: 'MarkInstanceLost', instanceId, errorMessage: INSTANCE_LOST_MESSAGE, at },
        { actor: SYSTEM_ACTOR },
      );
    }
  }
}
