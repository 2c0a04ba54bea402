import {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  Snapshot,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  VerifyResult,
} from '@drove/events';

export interface ReopeningOptions {
  /** Opens a store with a new ZooKeeper session. */
  open: () => Promise<EventStore>;
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * An EventStore that outlives its ZooKeeper session: when the session of the store in use expires, it closes that
 * store (which ends its subscriptions) and opens another, retrying until it succeeds; calls made meanwhile wait for
 * it. Listeners of `onSessionExpired` are told each time (the controller logs it; its views re-subscribe because
 * their subscriptions ended). Nothing is lost: the log is in ZooKeeper, and a write cut off by the expiry was
 * answered with an error by the old store.
 */
export class ReopeningEventStore implements EventStore {
  private current: Promise<EventStore>;
  private readonly expiryListeners = new Set<() => void>();
  private closed = false;

  private constructor(
    first: EventStore,
    private readonly options: ReopeningOptions,
  ) {
    this.current = Promise.resolve(this.watched(first));
  }

  static async open(options: ReopeningOptions): Promise<ReopeningEventStore> {
    return new ReopeningEventStore(await options.open(), options);
  }

  async append(
    stream: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return (await this.current).append(stream, expected, events, options);
  }

  async readStream(stream: string, fromVersion?: number): Promise<StoredEvent[]> {
    return (await this.current).readStream(stream, fromVersion);
  }

  async readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    return (await this.current).readAll(fromPosition, limit);
  }

  async headPosition(): Promise<number> {
    return (await this.current).headPosition();
  }

  /** Ends (`done` resolves or rejects) when the store it runs on is replaced: subscribe again. */
  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription {
    const inner = this.current.then((store) => store.subscribe(handler, options));
    const subscription: Subscription = {
      caughtUp: inner.then((s) => s.caughtUp),
      done: inner.then((s) => s.done),
      stop: async () => (await inner).stop(),
    };
    subscription.caughtUp.catch(() => undefined);
    return subscription;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    return (await this.current).saveCheckpoint(name, position);
  }

  async loadCheckpoint(name: string): Promise<number | undefined> {
    return (await this.current).loadCheckpoint(name);
  }

  async saveSnapshot<S>(name: string, position: number, state: S): Promise<void> {
    return (await this.current).saveSnapshot(name, position, state);
  }

  async loadSnapshot<S>(name: string): Promise<Snapshot<S> | undefined> {
    return (await this.current).loadSnapshot<S>(name);
  }

  async verify(from?: number, to?: number): Promise<VerifyResult> {
    return (await this.current).verify(from, to);
  }

  async archive(): Promise<number[]> {
    return (await this.current).archive();
  }

  onSessionExpired(listener: () => void): () => void {
    this.expiryListeners.add(listener);
    return () => this.expiryListeners.delete(listener);
  }

  /** Also ends a reopening in progress (after at most one more attempt to open). */
  async close(): Promise<void> {
    this.closed = true;
    const store = await this.current.catch(() => undefined);
    await store?.close();
  }

  private watched(store: EventStore): EventStore {
    store.onSessionExpired(() => this.replace(store));
    return store;
  }

  private replace(expired: EventStore): void {
    if (this.closed) return;
    // Closing aborts the old store's watches at once, so its subscriptions end instead of waiting forever.
    expired.close().catch((error: unknown) => this.options.onError?.(error));
    this.current = this.reopen();
    for (const listener of this.expiryListeners) listener();
  }

  private async reopen(): Promise<EventStore> {
    while (!this.closed) {
      try {
        const store = this.watched(await this.options.open());
        if (this.closed) await store.close();
        return store;
      } catch (error) {
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1000));
      }
    }
    throw new Error('event store closed while opening a new session');
  }
}
