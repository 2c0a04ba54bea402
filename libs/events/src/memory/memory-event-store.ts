import { NdjsonArchive } from '../archive/ndjson-archive';
import { BaseEventStore, DEFAULT_LIMITS, type StoreLimits } from '../core/base-event-store';
import type {
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  Snapshot,
  StoredEvent,
} from '../core/event-store.port';
import { FencedError } from '../core/fenced.error';
import { GENESIS_HASH, sealEvents } from '../core/hash-chain';
import { UpcasterRegistry } from '../core/upcaster-registry';
import { expectationFailure } from '../core/expectation';

export interface MemoryEventStoreOptions {
  /** Positions per segment; segments are what archival moves out. */
  segmentSize?: number;
  archiveDir?: string;
  upcasters?: UpcasterRegistry;
  limits?: StoreLimits;
  clock?: () => number;
}

interface StreamState {
  positions: number[];
}

/** The in-memory adapter: same contract as the ZooKeeper one, for unit tests of everything built on the store. */
export class MemoryEventStore extends BaseEventStore {
  private readonly segmentSize: number;
  private readonly archiveStore?: NdjsonArchive;
  private readonly clock: () => number;
  /** Events not archived; live[0] is at position archivedUpTo + 1. */
  private live: StoredEvent[] = [];
  private archivedUpTo = 0;
  private head = 0;
  private lastHash = GENESIS_HASH;
  private readonly streams = new Map<string, StreamState>();
  private readonly positionsById = new Map<string, number>();
  private readonly fences = new Set<string>();
  private readonly checkpoints = new Map<string, number>();
  private readonly snapshots = new Map<string, string>();
  private readonly waiters = new Set<() => void>();

  constructor(options: MemoryEventStoreOptions = {}) {
    super(options.upcasters ?? new UpcasterRegistry(), options.limits ?? DEFAULT_LIMITS);
    this.segmentSize = options.segmentSize ?? 10_000;
    this.archiveStore = options.archiveDir === undefined ? undefined : new NdjsonArchive(options.archiveDir);
    this.clock = options.clock ?? Date.now;
  }

  /** Stands in for a leader znode: appends fenced by `fence` succeed while it is granted. */
  grantFence(fence: string): void {
    this.fences.add(fence);
  }

  revokeFence(fence: string): void {
    this.fences.delete(fence);
  }

  /** Overwrites a stored live event as an attacker with write access would; for tests of verify(). */
  tamper(position: number, change: (event: StoredEvent) => StoredEvent): void {
    const index = position - this.archivedUpTo - 1;
    this.live[index] = change(this.live[index]);
  }

  async append(
    stream: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.checkAppend(stream, events);
    const state = this.streams.get(stream) ?? { positions: [] };
    const duplicate = await this.duplicateOf(stream, events);
    if (duplicate) return duplicate;
    const failure = expectationFailure(stream, expected, state.positions.length);
    if (failure) throw failure;
    if (options.fence !== undefined && !this.fences.has(options.fence)) throw new FencedError(options.fence);
    // Stored as JSON text would be: later changes to the caller's objects cannot reach the log.
    const sealed = JSON.parse(
      JSON.stringify(
        sealEvents(events, {
          stream,
          streamVersion: state.positions.length,
          position: this.head,
          prevHash: this.lastHash,
          now: this.clock(),
        }),
      ),
    ) as StoredEvent[];
    for (const event of sealed) {
      this.live.push(event);
      state.positions.push(event.position);
      this.positionsById.set(event.id, event.position);
    }
    this.streams.set(stream, state);
    this.head += sealed.length;
    this.lastHash = sealed[sealed.length - 1].hash;
    for (const wake of [...this.waiters]) wake();
    return { positions: sealed.map((event) => event.position), streamVersion: state.positions.length };
  }

  async headPosition(): Promise<number> {
    return this.head;
  }

  waitForAppend(after: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        if (this.head <= after && !signal.aborted) return;
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal.addEventListener('abort', wake);
      wake();
    });
  }

  async recovered(): Promise<boolean> {
    return false;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    BaseEventStore.checkName('checkpoint', name);
    this.checkpoints.set(name, position);
  }

  async loadCheckpoint(name: string): Promise<number | undefined> {
    return this.checkpoints.get(name);
  }

  async saveSnapshot<S>(name: string, position: number, state: S): Promise<void> {
    BaseEventStore.checkName('snapshot', name);
    this.snapshots.set(name, JSON.stringify({ position, state }));
  }

  async loadSnapshot<S>(name: string): Promise<Snapshot<S> | undefined> {
    const saved = this.snapshots.get(name);
    return saved === undefined ? undefined : (JSON.parse(saved) as Snapshot<S>);
  }

  async archive(): Promise<number[]> {
    if (!this.archiveStore) throw new Error('archive() needs the archiveDir option');
    const done: number[] = [];
    const sealedBelow = Math.floor((this.head + 1) / this.segmentSize);
    for (let segment = this.segmentOf(this.archivedUpTo + 1); segment < sealedBelow; segment += 1) {
      const last = (segment + 1) * this.segmentSize - 1;
      const count = last - this.archivedUpTo;
      await this.archiveStore.write(segment, this.live.slice(0, count));
      this.live = this.live.slice(count);
      this.archivedUpTo = last;
      done.push(segment);
    }
    return done;
  }

  async close(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
  }

  protected async readAllRaw(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    let next = fromPosition;
    while (out.length < limit && next <= this.head) {
      const page = next <= this.archivedUpTo ? await this.archivedFrom(next) : this.liveFrom(next);
      out.push(...page.slice(0, limit - out.length));
      next += page.length;
    }
    return out;
  }

  protected async readStreamRaw(stream: string, fromVersion: number): Promise<StoredEvent[]> {
    const positions = this.streams.get(stream)?.positions.slice(fromVersion - 1) ?? [];
    const events: StoredEvent[] = [];
    for (const position of positions) events.push(...(await this.readAllRaw(position, 1)));
    return events;
  }

  private async duplicateOf(stream: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const positions = events.map((event) => this.positionsById.get(event.id));
    if (positions.every((position) => position === undefined)) return undefined;
    const stored = positions.every((position) => position !== undefined)
      ? await Promise.all(positions.map(async (position) => (await this.readAllRaw(position, 1))[0]))
      : [];
    const same =
      stored.length > 0 && stored.every((event, i) => event.stream === stream && event.id === events[i].id);
    if (!same) throw new Error(`append to ${stream}: some of these event ids are already stored elsewhere`);
    return {
      positions: stored.map((event) => event.position),
      streamVersion: stored[stored.length - 1].streamVersion,
    };
  }

  private liveFrom(position: number): StoredEvent[] {
    const start = position - this.archivedUpTo - 1;
    return this.live.slice(start, start + 1000);
  }

  private async archivedFrom(position: number): Promise<StoredEvent[]> {
    const events = await this.archiveStore!.read(this.segmentOf(position));
    return events.filter((event) => event.position >= position && event.position <= this.archivedUpTo);
  }

  private segmentOf(position: number): number {
    return Math.floor(position / this.segmentSize);
  }
}
