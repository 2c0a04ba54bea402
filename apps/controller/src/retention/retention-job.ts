import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, IdGenerator } from '@drove/domain';
import { ANY } from '@drove/events';
import { FencedAppender } from '../event-store/fenced-appender';
import { Fence } from '../event-store/fence';
import { ClusterViewService } from '../projections/cluster-view.service';
import { RetentionOptions, durationMs } from './retention.config';
import { planPruning, prunedEvents } from './retention-plan';
import { RETENTION_STREAM, VIEW_RECORDS_PRUNED } from './view-records-pruned.event';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';
import { StaleDestroyer } from './stale-destroyer';

const DROVE_DEFAULT_MAX_STALE_INSTANCES = 100;

/** What one check did: the apps and services whose DESTROY was requested, the view records dropped. */
export interface RetentionReport {
  destroyed: string[];
  pruned: number;
}

/**
 * Drove's StaleDataCleaner, on the leader every `staleCheckInterval`: first the stale apps and local services
 * are destroyed (StaleDestroyer), then what to drop from the served view is planned and recorded as
 * ViewRecordsPruned events, which the views (and replays, and history) apply. The log itself keeps every record.
 */
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly appender: FencedAppender,
    private readonly fence: Fence,
    private readonly clusterView: ClusterViewService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly options: RetentionOptions,
    private readonly destroyer: StaleDestroyer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), durationMs(this.options.staleCheckInterval));
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One check (nothing when not leading); never rejects: a failed half is logged and counts nothing. */
  async run(): Promise<RetentionReport> {
    if (this.fence.path() === null || this.running) return { destroyed: [], pruned: 0 };
    this.running = true;
    try {
      const now = this.clock.now();
      const destroyed = await this.destroyer.destroy(now).catch((error: unknown) => this.failed(error, []));
      const pruned = await this.prune(now).catch((error: unknown) => this.failed(error, 0));
      return { destroyed, pruned };
    } finally {
      this.running = false;
    }
  }

  private failed<T>(error: unknown, nothing: T): T {
    this.logger.warn(`retention: ${error instanceof Error ? error.message : String(error)}`);
    return nothing;
  }

  private async prune(now: number): Promise<number> {
    const plan = planPruning(this.clusterView.view, now, {
      instanceAgeMs: durationMs(this.options.staleInstanceAge),
      maxOldInstancesPerApp: this.options.maxStaleInstancesCount || DROVE_DEFAULT_MAX_STALE_INSTANCES,
      taskAgeMs: durationMs(this.options.staleTaskAge),
    });
    const total = plan.instanceIds.length + plan.taskRunIds.length;
    if (total === 0) return 0;
    // One append per event: a single append must fit one znode.
    for (const data of prunedEvents(plan, now)) {
      const event = { id: this.ids.uuid(), type: VIEW_RECORDS_PRUNED, data, actor: SYSTEM_ACTOR, time: now };
      const { positions } = await this.appender.append(RETENTION_STREAM, ANY, [event]);
      await this.clusterView.reached(positions[0]);
    }
    this.logger.log(
      `dropped ${plan.instanceIds.length} old instance and ${plan.taskRunIds.length} finished task records from the views`,
    );
    return total;
  }
}
