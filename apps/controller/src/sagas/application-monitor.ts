import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import {
  Clock,
  ClusterOpSpecDto,
  DEFAULT_CLUSTER_OP_SPEC,
  applicationDecider,
  applicationStream,
} from '@drove/domain';
import { INTERNAL_OP_SPEC, wireOpSpec } from '../cluster-options/cluster-options.tokens';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ClusterViewService } from '../projections/cluster-view.service';
import { healthyInstanceIdsOf } from '../projections/instance-queries';
import { RUN_SAGAS } from './application-operations.saga';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';
import { StaleInstances } from './stale-instances';

/** How often the leader compares healthy and expected counts (Drove: every 30 s). */
export const MONITOR_INTERVAL_MS = Symbol('MonitorIntervalMs');

const RESTING_STATES = ['RUNNING', 'MONITORING'];

/**
 * Drove's ApplicationMonitor: on the leader, outside the maintenance window, for each app at rest (RUNNING or
 * MONITORING) its active instances not heard of within the staleness are marked LOST, then if its HEALTHY count
 * is not its expected count it gets RECOVER, which the decider turns into a scale to the expected count that the
 * operations saga carries out (a dead container or a lost instance is replaced this way). Drove counts before
 * marking, so its replacement waits for the next round; here it is the same round.
 */
@Injectable()
export class ApplicationMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ApplicationMonitor');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly maintenance: MaintenanceWindow,
    private readonly staleInstances: StaleInstances,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_SAGAS) private readonly enabled: boolean,
    @Inject(MONITOR_INTERVAL_MS) private readonly intervalMs: number,
    @Optional()
    @Inject(INTERNAL_OP_SPEC)
    private readonly internalOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  onApplicationBootstrap(): void {
    if (this.enabled) this.timer = setInterval(() => void this.check(), this.intervalMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    const now = this.clock.now();
    if (this.fence.path() === null || this.maintenance.covers(this.clusterView.view.cluster, now)) return;
    for (const app of this.clusterView.view.applications()) {
      const appId = app.appId as string;
      if (!app.state || !RESTING_STATES.includes(app.state)) continue;
      await this.staleInstances
        .markLost(this.clusterView.view.instancesOf(appId), now)
        .catch((error: unknown) =>
          this.logger.warn(`${appId}: stale instances not marked: ${String(error)}`),
        );
      const healthy = healthyInstanceIdsOf(this.clusterView.view, appId).length;
      if (healthy === app.instances) continue;
      this.logger.warn(`${appId}: ${healthy} healthy of ${app.instances} expected, recovering`);
      const opSpec = wireOpSpec(this.internalOpSpec);
      await this.pipeline
        .execute(
          applicationDecider,
          applicationStream(appId),
          { type: 'RecoverApplication', appId, opSpec, at: now },
          { actor: SYSTEM_ACTOR },
        )
        .catch((error: unknown) => this.logger.warn(`${appId}: recovery not recorded: ${String(error)}`));
    }
  }
}
