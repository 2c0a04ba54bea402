import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { EventStore, Subscription } from '@drove/events';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { loadViewSnapshot } from '../snapshots/view-snapshots';
import { ClusterViewProjection } from './cluster-view.projection';

/** What the last rebuild did: where it started (0: the whole log) and how many events it read from the log. */
export interface ViewRebuild {
  snapshotPosition: number;
  replayedEvents: number;
  position: number;
  ms: number;
}

const RESUBSCRIBE_DELAY_MS = 1000;

/**
 * Keeps the cluster view fed from the log: the newest trusted view snapshot (else nothing), catch-up from the
 * position after it, then live; a subscription that ends without being stopped (store failure, expired session
 * replaced) is replaced by a rebuild. Every controller tails the log, so a follower is ready to lead; on becoming
 * leader the view is rebuilt anyway (snapshot + tail, into a fresh projection that replaces the served one once
 * caught up), so a new leader never answers from a view that missed something while its session was in trouble.
 */
@Injectable()
export class ClusterViewService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ClusterView');
  private current = new ClusterViewProjection();
  private subscription: Subscription | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly advanceListeners = new Set<() => void>();
  private stopLeading: (() => void) | undefined;
  private closed = false;
  private rebuilt: ViewRebuild | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FENCE) private readonly fence: Fence,
    @Optional() private readonly metrics?: ControllerMetrics,
  ) {}

  /** The last completed rebuild; undefined before the first. */
  get lastRebuild(): ViewRebuild | undefined {
    return this.rebuilt;
  }

  get view(): ClusterViewProjection {
    return this.current;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.stopLeading = this.fence.onLeading(() => {
      this.rebuild().catch((error: unknown) =>
        this.logger.error(`rebuild on leadership failed: ${String(error)}`),
      );
    });
    await this.rebuild();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.stopLeading?.();
    await this.subscription?.stop();
    for (const wake of this.waiters) wake();
  }

  /** Restores the view snapshot (or starts empty) and replays the log after it, then serves it and keeps it live. */
  async rebuild(): Promise<void> {
    const started = Date.now();
    const fresh = await this.startingView();
    const snapshotPosition = fresh.position;
    const subscription = this.store.subscribe(
      (event) => {
        fresh.apply(event);
        if (this.current === fresh) this.wake();
      },
      { from: snapshotPosition + 1 },
    );
    subscription.done.then(
      () => this.onSubscriptionEnded(subscription),
      (error: unknown) => this.onSubscriptionEnded(subscription, error),
    );
    await subscription.caughtUp;
    const previous = this.subscription;
    this.current = fresh;
    this.subscription = subscription;
    this.wake();
    const ms = Date.now() - started;
    this.rebuilt = {
      snapshotPosition,
      replayedEvents: fresh.position - snapshotPosition,
      position: fresh.position,
      ms,
    };
    this.metrics?.viewRebuilt(snapshotPosition, this.rebuilt.replayedEvents, ms);
    const from = snapshotPosition > 0 ? `the snapshot at position ${snapshotPosition}` : 'an empty view';
    this.logger.log(
      `view rebuilt up to position ${fresh.position} in ${ms} ms: ${from} + ${this.rebuilt.replayedEvents} events replayed from the log`,
    );
    await previous?.stop();
  }

  private async startingView(): Promise<ClusterViewProjection> {
    const loaded = await loadViewSnapshot(this.store);
    if (loaded.kind === 'restored') return loaded.view;
    if (loaded.kind === 'invalid')
      this.logger.warn(`view snapshot not used (${loaded.reason}): replaying the whole log`);
    return new ClusterViewProjection();
  }

  /** Calls `listener` whenever the served view moves on (an event applied, a rebuilt view swapped in). */
  onAdvance(listener: () => void): () => void {
    this.advanceListeners.add(listener);
    return () => this.advanceListeners.delete(listener);
  }

  /** Resolves once the served view includes `position` (read-your-writes after a command), or after `timeoutMs`. */
  async reached(position: number, timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.current.position < position && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
    return this.current.position >= position;
  }

  private wake(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
    for (const listener of this.advanceListeners) listener();
  }

  /** A subscription we did not stop ended: the store failed, or replaced its expired session. Subscribe again. */
  private onSubscriptionEnded(subscription: Subscription, error?: unknown): void {
    if (this.closed || subscription !== this.subscription) return;
    const why =
      error === undefined ? 'ended' : `failed (${error instanceof Error ? error.message : String(error)})`;
    this.logger.warn(`log subscription ${why}, rebuilding the view`);
    setTimeout(() => {
      if (!this.closed) this.rebuild().catch((e: unknown) => this.onSubscriptionEnded(subscription, e));
    }, RESUBSCRIBE_DELAY_MS);
  }
}
