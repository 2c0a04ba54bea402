import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@drove/events';
import { Fence } from '../event-store/fence';
import { clusterAt, HISTORY_SNAPSHOT_EVERY } from './cluster-history';

/**
 * On becoming leader, folds the log to its end once in the background, so the history snapshots exist before
 * anyone asks (the first query would otherwise pay a full replay). Only the leader writes them; a fold that finds
 * them already there reads at most the events after the newest one.
 */
export class HistorySnapshotWarmer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('History');
  private stopListening: () => void = () => undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly fence: Fence,
    private readonly every = HISTORY_SNAPSHOT_EVERY,
  ) {}

  onApplicationBootstrap(): void {
    this.stopListening = this.fence.onLeading(() => void this.warm());
  }

  onApplicationShutdown(): void {
    this.stopListening();
  }

  /** Resolves when the fold (this one, or the one already running) is done; never rejects. */
  warm(): Promise<void> {
    this.running ??= clusterAt(this.store, Number.MAX_SAFE_INTEGER, this.every)
      .then(
        (view) => this.logger.log(`history snapshots up to date at position ${view.position}`),
        (err: unknown) =>
          this.logger.warn(`history snapshots: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
