import { CatchUpSubscription } from './catch-up-subscription';
import { EventTooLargeError } from './event-too-large.error';
import type {
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
} from './event-store.port';
import { ChainChecker, GENESIS_HASH } from './hash-chain';
import { UpcasterRegistry } from './upcaster-registry';

export interface StoreLimits {
  /** One event, as JSON with its envelope. */
  maxEventBytes: number;
  /** All events of one append together: ZooKeeper takes a multi of at most jute.maxbuffer (1 MiB). */
  maxAppendBytes: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxEventBytes: 256 * 1024, maxAppendBytes: 768 * 1024 };

/** Room for the envelope fields the store adds (positions, hashes, stream) around the caller's event. */
const ENVELOPE_BYTES = 512;
const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;

/** What both adapters share: upcasting on read, subscriptions, verification, input checks. */
export abstract class BaseEventStore implements EventStore {
  private readonly expiryListeners = new Set<() => void>();

  protected constructor(
    protected readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
    protected readonly limits: StoreLimits = DEFAULT_LIMITS,
  ) {}

  abstract append(
    stream: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  abstract headPosition(): Promise<number>;
  abstract waitForAppend(after: number, signal: AbortSignal): Promise<void>;
  /** True once the store is usable again after this error; subscriptions then read on. */
  abstract recovered(error: unknown): Promise<boolean>;
  abstract saveCheckpoint(name: string, position: number): Promise<void>;
  abstract loadCheckpoint(name: string): Promise<number | undefined>;
  abstract saveSnapshot<S>(name: string, position: number, state: S): Promise<void>;
  abstract loadSnapshot<S>(name: string): Promise<Snapshot<S> | undefined>;
  abstract archive(): Promise<number[]>;
  abstract close(): Promise<void>;
  /** Events as stored, before upcasting. */
  protected abstract readAllRaw(fromPosition: number, limit: number): Promise<StoredEvent[]>;
  protected abstract readStreamRaw(stream: string, fromVersion: number): Promise<StoredEvent[]>;

  async readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    const events = await this.readAllRaw(Math.max(1, fromPosition), limit);
    return events.map((event) => this.upcasters.apply(event));
  }

  async readStream(stream: string, fromVersion = 1): Promise<StoredEvent[]> {
    const events = await this.readStreamRaw(stream, Math.max(1, fromVersion));
    return events.map((event) => this.upcasters.apply(event));
  }

  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription {
    return new CatchUpSubscription(this, handler, options);
  }

  async verify(from = 1, to?: number): Promise<VerifyResult> {
    const start = Math.max(1, from);
    const end = to ?? (await this.headPosition());
    const before = start === 1 ? undefined : (await this.readAllRaw(start - 1, 1))[0];
    if (start > 1 && before?.position !== start - 1) {
      return { ok: false, checked: 0, brokenAt: start - 1, reason: 'event missing' };
    }
    const checker = new ChainChecker(before?.hash ?? GENESIS_HASH, start);
    for (let next = start; next <= end;) {
      const page = await this.readAllRaw(next, Math.min(5000, end - next + 1));
      if (page.length === 0)
        return { ok: false, checked: next - start, brokenAt: next, reason: 'event missing' };
      const broken = checker.check(page);
      if (broken) return broken;
      next += page.length;
    }
    return checker.result();
  }

  onSessionExpired(listener: () => void): () => void {
    this.expiryListeners.add(listener);
    return () => this.expiryListeners.delete(listener);
  }

  protected notifySessionExpired(): void {
    for (const listener of this.expiryListeners) listener();
  }

  /** Rejects what no adapter may store, before anything is written; returns the append's size in bytes. */
  protected checkAppend(stream: string, events: readonly NewEvent[]): number {
    if (!STREAM_NAME.test(stream)) throw new Error(`invalid stream name ${JSON.stringify(stream)}`);
    if (events.length === 0) throw new Error(`append to ${stream}: no events given`);
    const ids = new Set(events.map((event) => event.id));
    if (ids.size !== events.length) throw new Error(`append to ${stream}: duplicate event ids`);
    let total = 0;
    for (const event of events) {
      const size = Buffer.byteLength(JSON.stringify(event)) + ENVELOPE_BYTES;
      if (size > this.limits.maxEventBytes) {
        throw new EventTooLargeError(`event ${event.id} (${event.type})`, size, this.limits.maxEventBytes);
      }
      total += size;
    }
    if (total > this.limits.maxAppendBytes) {
      throw new EventTooLargeError(
        `append of ${events.length} events to ${stream}`,
        total,
        this.limits.maxAppendBytes,
      );
    }
    return total;
  }

  protected static checkName(kind: string, name: string): void {
    if (!STREAM_NAME.test(name)) throw new Error(`invalid ${kind} name ${JSON.stringify(name)}`);
  }
}
