import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CLUSTER_STREAM, Clock, clusterDecider } from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, CONTROLLER_HOSTNAME } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';

const ATTEMPTS = 5;
const RETRY_MS = 1000;

/**
 * Records `RecordLeadership` each time this controller starts leading, so the log (and Drove's event feed, as
 * LEADERSHIP_ACQUIRED, with LEADERSHIP_LOST for the previous leader) shows every leader change. A failed append
 * is retried while the same fence holds: a deposed leader cannot write it anyway.
 */
@Injectable()
export class LeadershipRecorder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LeadershipRecorder');
  private stop: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTROLLER_HOSTNAME) private readonly hostname: string,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.fence.onLeading(() => void this.record());
    if (this.fence.path() !== null) void this.record();
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.stop?.();
  }

  async record(): Promise<void> {
    const fence = this.fence.path();
    if (fence === null) return;
    for (let attempt = 1; attempt <= ATTEMPTS && !this.closed && this.fence.path() === fence; attempt++) {
      try {
        const command = { type: 'RecordLeadership' as const, hostname: this.hostname, at: this.clock.now() };
        await this.pipeline.execute(clusterDecider, CLUSTER_STREAM, command, { actor: SYSTEM_ACTOR });
        return;
      } catch (error) {
        this.logger.warn(`leadership not recorded (attempt ${attempt}): ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
