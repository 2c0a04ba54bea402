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

const DROVE_DEFAULT_MAX_STALE_INSTANCES = 100;

/**
 * Drove's StaleDataCleaner for the views, on the leader every `staleCheckInterval`: plans what to drop from the
 * served view and records it as ViewRecordsPruned events, which the views (and replays, and history) apply. The
 * log itself keeps every record.
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
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), durationMs(this.options.staleCheckInterval));
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One check; resolves to the number of records dropped (0 when not leading). Never rejects. */
  async run(): Promise<number> {
    if (this.fence.path() === null || this.running) return 0;
    this.running = true;
    try {
      const now = this.clock.now();
      const plan = planPruning(this.clusterView.view, now, {
        instanceAgeMs: durationMs(this.options.staleInstanceAge),
        maxOldInstancesPerApp: this.options.maxStaleInstancesCount || DROVE_DEFAULT_MAX_STALE_INSTANCES,
        taskAgeMs: durationMs(this.options.staleTaskAge),
      });
      const total = plan.instanceIds.length + plan.taskRunIds.length;
      if (total === 0) return 0;
      // One append per event: a single append must fit one znode.
      for (const data of prunedEvents(plan, now)) {
        const event = {
          id: this.ids.uuid(),
          type: VIEW_RECORDS_PRUNED,
          data,
          actor: SYSTEM_ACTOR,
          time: now,
        };
        const { positions } = await this.appender.append(RETENTION_STREAM, ANY, [event]);
        await this.clusterView.reached(positions[0]);
      }
      this.logger.log(
        `dropped ${plan.instanceIds.length} old instance and ${plan.taskRunIds.length} finished task records from the views`,
      );
      return total;
    } catch (error) {
      this.logger.warn(`retention: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
