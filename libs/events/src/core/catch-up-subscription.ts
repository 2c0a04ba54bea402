import type { EventHandler, StoredEvent, SubscribeOptions, Subscription } from './event-store.port';

export interface SubscriptionSource {
  readAll(fromPosition: number, limit: number): Promise<StoredEvent[]>;
  headPosition(): Promise<number>;
  /** Resolves once the log head is past `after`, or when the signal aborts. */
  waitForAppend(after: number, signal: AbortSignal): Promise<void>;
  saveCheckpoint(name: string, position: number): Promise<void>;
  loadCheckpoint(name: string): Promise<number | undefined>;
  /** True once the store is usable again after this error (a connection that came back), so reading can go on. */
  recovered(error: unknown): Promise<boolean>;
}

/**
 * Reads the log from a position to its head, then waits for appends and keeps reading. Delivery is in order and
 * at least once: the checkpoint is saved after a batch is handled, so a crash mid-batch replays that batch.
 */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private readonly abort = new AbortController();
  private markCaughtUp!: () => void;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions = {},
  ) {
    let failCatchUp!: (error: unknown) => void;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.markCaughtUp = resolve;
      failCatchUp = reject;
    });
    this.done = this.run();
    this.done.catch(failCatchUp);
    this.caughtUp.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    const { checkpoint, batchSize = 1000 } = this.options;
    const saved = checkpoint === undefined ? undefined : await this.source.loadCheckpoint(checkpoint);
    let next = this.options.from ?? (saved ?? 0) + 1;
    const target = await this.source.headPosition();
    const signal = this.abort.signal;
    while (!signal.aborted) {
      if (next > target) this.markCaughtUp();
      const batch = await this.store(() => this.source.readAll(next, batchSize));
      if (batch.length === 0) {
        await this.store(() => this.source.waitForAppend(next - 1, signal));
        continue;
      }
      for (const event of batch) {
        await this.handler(event);
        next = event.position + 1;
        if (signal.aborted) break;
      }
      const handled = next - 1;
      if (checkpoint !== undefined) await this.store(() => this.source.saveCheckpoint(checkpoint, handled));
    }
    this.markCaughtUp();
  }

  /** A store call, repeated while its failures are ones the store recovers from (the handler's never are). */
  private async store<T>(call: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (this.abort.signal.aborted || !(await this.source.recovered(error))) throw error;
      }
    }
  }
}
