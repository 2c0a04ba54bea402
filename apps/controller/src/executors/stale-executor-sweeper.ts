import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@drove/domain';
import { CLOCK } from '../event-store/event-store.tokens';
import { RUN_SAGAS } from '../sagas/application-operations.saga';
import { ExecutorRegistry } from './executor-registry';

/** Drove's `staleExecutorAge` in ms: node data older than this means the executor is gone. */
export const STALE_EXECUTOR_AGE_MS = Symbol('StaleExecutorAgeMs');

/**
 * Drove's ExecutorObserver reads the executors every 10 s; here a tenth of the age (1 s .. 10 s), so a hung
 * executor goes at most 10 % late (a scan of a map in memory).
 */
const MIN_SWEEP_INTERVAL_MS = 1000;
const MAX_SWEEP_INTERVAL_MS = 10_000;

/**
 * A hung executor whose ZooKeeper session lives on keeps its ephemeral znode, so discovery never sees it go:
 * this removes an executor whose node data has not been renewed for `staleExecutorAge`, exactly as a vanished
 * znode does (EXECUTOR_REMOVED on the leader, its instances LOST and replaced). Node data newer than it last had
 * adds it again. Runs on every controller, so a follower's scheduler does not offer it either.
 */
@Injectable()
export class StaleExecutorSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StaleExecutors');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: ExecutorRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_SAGAS) private readonly enabled: boolean,
    @Inject(STALE_EXECUTOR_AGE_MS) private readonly maxAgeMs: number,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(
      MAX_SWEEP_INTERVAL_MS,
      Math.max(MIN_SWEEP_INTERVAL_MS, Math.ceil(this.maxAgeMs / 10)),
    );
    if (this.enabled) this.timer = setInterval(() => this.sweep(), every);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  sweep(): string[] {
    const now = this.clock.now();
    const stale = this.registry.staleExecutors(now, this.maxAgeMs);
    for (const executorId of stale) {
      this.logger.warn(`${executorId}: no node data for over ${this.maxAgeMs} ms, removing it`);
      this.registry.remove(executorId, now);
    }
    return stale;
  }
}
