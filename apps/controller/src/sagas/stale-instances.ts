import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  ACTIVE_INSTANCE_STATES,
  Clock,
  InstanceAggregate,
  instanceDecider,
  instanceStream,
} from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';
import { CLOCK } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { INSTANCE_STALENESS_MS, lastHeardOf } from '../executors/instance-heard-of';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';

/**
 * Drove's markStaleInstances, shared by the app monitor and the local-service monitor: active instances not heard
 * of for longer than the staleness are LOST (`Instance lost`) through the instance decider, which checks again on
 * the stored stream. A new leader may not have its executors' node data yet (an executor posting snapshots by RPC
 * sends one every 20 s), so it gives every instance one staleness period from the moment it started leading.
 */
@Injectable()
export class StaleInstances implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StaleInstances');
  private leadingSince = 0;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly registry: ExecutorRegistry,
    private readonly clusterView: ClusterViewService,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INSTANCE_STALENESS_MS) readonly stalenessMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.leadingSince = this.clock.now();
    this.stopListening = this.fence.onLeading(() => (this.leadingSince = this.clock.now()));
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  /** The ids of the instances marked LOST; the served view shows them LOST when this resolves. */
  async markLost(instances: readonly InstanceAggregate[], now: number): Promise<string[]> {
    if (this.fence.path() === null) return [];
    const lost: string[] = [];
    let position = 0;
    for (const instance of instances) {
      if (!instance.info || !ACTIVE_INSTANCE_STATES.includes(stateOf(instance))) continue;
      const lastHeardAt = Math.max(lastHeardOf(instance, this.registry), this.leadingSince);
      if (now - lastHeardAt <= this.stalenessMs) continue;
      const instanceId = instance.instanceId as string;
      const outcome = await this.pipeline.execute(
        instanceDecider,
        instanceStream(instanceId),
        { type: 'MarkStaleInstanceLost', instanceId, lastHeardAt, stalenessMs: this.stalenessMs, at: now },
        { actor: SYSTEM_ACTOR },
      );
      if (outcome.ok && outcome.events.length > 0) {
        this.logger.warn(`${instanceId}: nothing heard of it for over ${this.stalenessMs} ms, marked LOST`);
        lost.push(instanceId);
        position = Math.max(position, ...outcome.positions);
      }
    }
    if (position > 0) await this.clusterView.reached(position);
    return lost;
  }
}
