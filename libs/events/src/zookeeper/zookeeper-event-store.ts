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
import { UpcasterRegistry } from '../core/upcaster-registry';
import { Compactor } from './compactor';
import { GroupCommitter } from './group-commit';
import { decodeLogHead } from './log-head';
import { LogReader } from './log-reader';
import { decodeHead, positionsFrom, type IndexRange, type StreamHeadData } from './stream-head';
import { isConnectionLoss, isNoNode, Zk, type ZkOp } from './zk-client';
import { ZkLayout } from './zk-layout';
import { ZkSnapshots } from './zk-snapshots';

/** Entry names are about 50 bytes, and getChildren of a segment must fit in jute.maxbuffer (1 MiB). */
const MAX_SEGMENT_SIZE = 20_000;

export interface ZooKeeperEventStoreOptions {
  connectString: string;
  /** Default `/drove`. */
  root?: string;
  /** Positions per segment (default 10,000): bounds the children of one znode. */
  segmentSize?: number;
  sessionTimeout?: number;
  archiveDir?: string;
  upcasters?: UpcasterRegistry;
  limits?: StoreLimits;
  clock?: () => number;
  /** Batches pipelined on the session (default 2). */
  maxInFlight?: number;
}

/** The event store on ZooKeeper: layout and flow in libs/events/README.md. */
export class ZooKeeperEventStore extends BaseEventStore {
  private readonly committer: GroupCommitter;
  private readonly reader: LogReader;
  private readonly compactor: Compactor;
  private readonly snapshots: ZkSnapshots;
  private readonly closing = new AbortController();
  private readonly sessionTimeout: number;

  private constructor(
    private readonly zk: Zk,
    private readonly layout: ZkLayout,
    options: ZooKeeperEventStoreOptions,
  ) {
    super(options.upcasters ?? new UpcasterRegistry(), options.limits ?? DEFAULT_LIMITS);
    this.sessionTimeout = options.sessionTimeout ?? 10_000;
    const archive = options.archiveDir === undefined ? undefined : new NdjsonArchive(options.archiveDir);
    this.reader = new LogReader(zk, layout, archive);
    this.compactor = new Compactor(zk, layout, this.reader, archive);
    this.snapshots = new ZkSnapshots(zk, layout.snapshots);
    this.committer = new GroupCommitter(zk, layout, {
      maxInFlight: options.maxInFlight ?? 2,
      maxBatchBytes: this.limits.maxAppendBytes,
      maxAttempts: 30,
      sessionTimeout: this.sessionTimeout,
      clock: options.clock ?? Date.now,
      findRetried: (stream, afterVersion, ids) => this.findRetried(stream, afterVersion, ids),
    });
    zk.client.on('expired', () => this.notifySessionExpired());
  }

  static async open(options: ZooKeeperEventStoreOptions): Promise<ZooKeeperEventStore> {
    const segmentSize = options.segmentSize ?? 10_000;
    if (segmentSize > MAX_SEGMENT_SIZE) {
      throw new Error(
        `segmentSize ${segmentSize} is over ${MAX_SEGMENT_SIZE}: a segment's listing must fit in 1 MiB`,
      );
    }
    const layout = new ZkLayout(options.root ?? '/drove', segmentSize);
    const zk = await Zk.connect(options.connectString, options.sessionTimeout ?? 10_000);
    try {
      await ZooKeeperEventStore.initialise(zk, layout);
      const store = new ZooKeeperEventStore(zk, layout, options);
      await store.reader.refreshArchived();
      return store;
    } catch (error) {
      zk.close();
      throw error;
    }
  }

  /** Creates the layout once; every writer may race here, the multi lets one win. */
  private static async initialise(zk: Zk, layout: ZkLayout): Promise<void> {
    for (const path of [layout.root, layout.log, layout.streams, layout.snapshots, layout.checkpoints]) {
      await zk.createIfAbsent(path);
    }
    if (await zk.exists(layout.logHead)) return;
    const empty = Buffer.alloc(0);
    // The log head is set once after its creation so that its znode version is never 0 (see Zk.multi).
    const ops: ZkOp[] = [
      { kind: 'create', path: layout.archive, data: empty },
      { kind: 'create', path: layout.segment(0), data: empty },
      { kind: 'create', path: layout.logHead, data: empty },
      { kind: 'set', path: layout.logHead, data: empty, version: -1 },
    ];
    await zk.multi(ops).catch(async (error: unknown) => {
      if (!(await zk.exists(layout.logHead))) throw error;
    });
  }

  append(
    stream: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const bytes = this.checkAppend(stream, events);
      this.committer.submit({ stream, expected, events, fence: options.fence, bytes, resolve, reject });
    });
  }

  async headPosition(): Promise<number> {
    return (await this.reader.head()).position;
  }

  async waitForAppend(after: number, signal: AbortSignal): Promise<void> {
    const stop = AbortSignal.any([signal, this.closing.signal]);
    while (!stop.aborted) {
      let changed!: () => void;
      const fired = new Promise<void>((resolve) => (changed = resolve));
      const { data } = await this.zk.getData(this.layout.logHead, () => changed());
      if (decodeLogHead(data).position > after) return;
      await new Promise<void>((resolve) => {
        const onAbort = (): void => resolve();
        stop.addEventListener('abort', onAbort, { once: true });
        void fired.then(() => {
          stop.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
  }

  async recovered(error: unknown): Promise<boolean> {
    return isConnectionLoss(error) && !this.closing.signal.aborted && this.zk.connected(this.sessionTimeout);
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    BaseEventStore.checkName('checkpoint', name);
    const path = `${this.layout.checkpoints}/${name}`;
    const data = Buffer.from(String(position));
    await this.zk.setData(path, data).catch(async (error: unknown) => {
      if (!isNoNode(error)) throw error;
      await this.zk.create(path, data);
    });
  }

  async loadCheckpoint(name: string): Promise<number | undefined> {
    try {
      return Number((await this.zk.getData(`${this.layout.checkpoints}/${name}`)).data.toString('utf8'));
    } catch (error) {
      if (isNoNode(error)) return undefined;
      throw error;
    }
  }

  async saveSnapshot<S>(name: string, position: number, state: S): Promise<void> {
    BaseEventStore.checkName('snapshot', name);
    await this.snapshots.save(name, position, state);
  }

  loadSnapshot<S>(name: string): Promise<Snapshot<S> | undefined> {
    return this.snapshots.load<S>(name);
  }

  /** Packs sealed segments into chunk znodes; returns the segments packed. */
  compact(): Promise<number[]> {
    return this.compactor.compact();
  }

  archive(): Promise<number[]> {
    return this.compactor.archive();
  }

  /** Waits for queued appends, then ends the session. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.committer.idle();
    this.zk.close();
  }

  /** A retry of an append that did commit, found when its expected version no longer matches. */
  private async findRetried(
    stream: string,
    afterVersion: number,
    ids: string[],
  ): Promise<AppendResult | undefined> {
    const events = (await this.readStreamRaw(stream, afterVersion + 1)).slice(0, ids.length);
    if (events.length !== ids.length || events.some((event, i) => event.id !== ids[i])) return undefined;
    return {
      positions: events.map((event) => event.position),
      streamVersion: events[events.length - 1].streamVersion,
    };
  }

  protected async readAllRaw(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    const { position, recent } = await this.reader.head();
    const to = Math.min(position, fromPosition + limit - 1);
    return fromPosition > to ? [] : this.reader.range(fromPosition, to, recent);
  }

  private async streamHead(stream: string): Promise<StreamHeadData | undefined> {
    try {
      return decodeHead((await this.zk.getData(this.layout.stream(stream))).data);
    } catch (error) {
      if (isNoNode(error)) return undefined;
      throw error;
    }
  }

  protected async readStreamRaw(stream: string, fromVersion: number): Promise<StoredEvent[]> {
    const [head, log] = await Promise.all([this.streamHead(stream), this.reader.head()]);
    if (!head) return [];
    const pages = await Promise.all(
      Array.from({ length: head.pages }, async (_, page) => {
        const { data } = await this.zk.getData(this.layout.streamPage(stream, page));
        return JSON.parse(data.toString('utf8')) as IndexRange[];
      }),
    );
    const ranges = positionsFrom([...pages.flat(), ...head.index], fromVersion);
    const parts = await Promise.all(ranges.map(([lo, hi]) => this.reader.range(lo, hi, log.recent)));
    return parts.flat().filter((event) => event.stream === stream);
  }
}
