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
import { DroveEventFeed } from './drove-event-feed';
import { EVENTS_FEED_CONFIG, EventsFeedConfig } from './events-feed.config';

const RESUBSCRIBE_DELAY_MS = 1000;

/**
 * Keeps the Drove event feed fed from the log on every controller, leader or not. A subscription that ends
 * without being stopped (store failure, a replaced session) is resumed after the last position applied.
 * Startup does not wait for the feed's first catch-up (the whole log: the views start from a snapshot, the feed
 * has none); the feed routes wait for `ready` instead, so nobody is served a feed missing its older events.
 * The feed keeps the events of its newest entries only and reads older pages back from the same store.
 */
@Injectable()
export class EventsFeedService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EventsFeed');
  readonly feed: DroveEventFeed;
  private subscription: Subscription | undefined;
  private closed = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(EVENTS_FEED_CONFIG) config: EventsFeedConfig = new EventsFeedConfig(),
  ) {
    this.feed = new DroveEventFeed({
      read: (from, limit) => store.readAll(from, limit),
      recentEntries: config.recentEntries,
      checkpointEvery: config.checkpointEvery,
    });
  }

  private caughtUp: Promise<void> = new Promise(() => undefined);

  /** Resolves once the feed has applied every event the log held when the controller started. */
  get ready(): Promise<void> {
    return this.caughtUp;
  }

  onApplicationBootstrap(): void {
    this.caughtUp = this.follow();
    this.caughtUp.catch((error: unknown) => this.logger.error(`first catch-up failed: ${String(error)}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.subscription?.stop();
  }

  private async follow(): Promise<void> {
    const subscription = this.store.subscribe((event) => this.feed.apply(event), {
      from: this.feed.position + 1,
    });
    this.subscription = subscription;
    subscription.done.then(
      () => this.onEnded(subscription),
      (error: unknown) => this.onEnded(subscription, error),
    );
    await subscription.caughtUp;
  }

  private onEnded(subscription: Subscription, error?: unknown): void {
    if (this.closed || subscription !== this.subscription) return;
    this.logger.warn(`log subscription ended (${String(error ?? 'stopped by the store')}), resuming`);
    setTimeout(() => {
      if (!this.closed) this.follow().catch((e: unknown) => this.onEnded(subscription, e));
    }, RESUBSCRIBE_DELAY_MS);
  }
}
