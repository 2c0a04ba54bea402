import { randomBytes } from 'node:crypto';
import { AppendOutcomeUnknownError } from '../core/append-outcome-unknown.error';
import {
  NO_STREAM,
  type AppendResult,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from '../core/event-store.port';
import { expectationFailure } from '../core/expectation';
import { FencedError } from '../core/fenced.error';
import { sealEvents } from '../core/hash-chain';
import { entryOps, headMoveOps, type HeadState } from './batch-ops';
import { decodeHead, EMPTY_HEAD, findRecent } from './stream-head';
import { isConnectionLoss, isNoNode, MultiOpError, type Zk, type ZkOp } from './zk-client';
import type { ZkLayout } from './zk-layout';
import { decodeLogHead, encodeLogHead, RECENT_ENTRIES, type LogHead } from './log-head';

const MAX_CACHED_HEADS = 10_000;

export interface PendingAppend {
  stream: string;
  expected: ExpectedVersion;
  events: NewEvent[];
  fence?: string;
  bytes: number;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface Queued extends PendingAppend {
  seq: number;
  attempts: number;
  /** The head was found not to match once; the next mismatch against a freshly read head is a real conflict. */
  recheck: boolean;
}

interface LogState extends LogHead {
  zver: number;
}

type Owner = { kind: 'fence'; fence: string } | { kind: 'stream'; stream: string } | { kind: 'log' };

interface Batch {
  requests: Array<{ request: Queued; head: HeadState; result: AppendResult }>;
  ops: ZkOp[];
  owners: Owner[];
  lastEntry: string;
  settled: boolean;
}

/** Finds an earlier append of exactly these ids to the stream after `afterVersion`: a retry of it. */
export type FindRetried = (
  stream: string,
  afterVersion: number,
  ids: string[],
) => Promise<AppendResult | undefined>;

export interface GroupCommitOptions {
  findRetried: FindRetried;
  maxInFlight: number;
  maxBatchBytes: number;
  maxAttempts: number;
  sessionTimeout: number;
  clock: () => number;
}

/**
 * Appends from many callers go out together: each batch is one multi that checks the fences, moves the log head
 * and the stream heads by their znode versions and creates the entries. Up to maxInFlight batches are pipelined;
 * each later batch also checks the previous batch's entry, so it can only commit on top of it.
 */
export class GroupCommitter {
  private readonly queue: Queued[] = [];
  private readonly heads = new Map<string, HeadState>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly writer = randomBytes(4).toString('hex');
  private log?: LogState;
  private last?: Batch;
  private seq = 0;
  private batches = 0;
  private pumping?: Promise<void>;

  constructor(
    private readonly zk: Zk,
    private readonly layout: ZkLayout,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(append: PendingAppend): void {
    this.queue.push({ ...append, seq: this.seq++, attempts: 0, recheck: false });
    this.kick();
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.pumping || this.inFlight.size > 0) {
      await this.pumping;
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private kick(): void {
    this.pumping ??= this.pump()
      .catch((error: unknown) => {
        for (const request of this.queue.splice(0)) request.reject(error);
      })
      .finally(() => {
        this.pumping = undefined;
        if (this.queue.length > 0) this.kick();
      });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      try {
        await this.prepare();
      } catch (error) {
        if (isConnectionLoss(error) && (await this.zk.connected(this.options.sessionTimeout))) continue;
        for (const request of this.queue.splice(0)) request.reject(error);
        return;
      }
      // A batch in flight failed while the heads were read: drain, then read the log head again.
      if (!this.log) continue;
      const batch = this.plan();
      if (batch) this.track(this.commit(batch));
      else if (this.inFlight.size === 0) continue;
      if (!batch || this.inFlight.size >= this.options.maxInFlight) await Promise.race(this.inFlight);
    }
  }

  private track(commit: Promise<void>): void {
    this.inFlight.add(commit);
    void commit.finally(() => this.inFlight.delete(commit));
  }

  /** Reads the log head and the heads of queued streams that are not cached (after a failure, all of them). */
  private async prepare(): Promise<void> {
    if (!this.log) {
      await Promise.allSettled([...this.inFlight]);
      const { data, stat } = await this.zk.getData(this.layout.logHead);
      this.log = { ...decodeLogHead(data), zver: stat.version };
      this.last = undefined;
    }
    this.forgetIdleHeads();
    const missing = [...new Set(this.queue.map((request) => request.stream))].filter(
      (s) => !this.heads.has(s),
    );
    await Promise.all(missing.map(async (stream) => this.heads.set(stream, await this.readHead(stream))));
  }

  /** Bounds the cache: a head not in flight is cheap to read again. */
  private forgetIdleHeads(): void {
    if (this.heads.size <= MAX_CACHED_HEADS) return;
    for (const [stream, head] of this.heads) {
      if (head.inFlight === 0) this.heads.delete(stream);
      if (this.heads.size <= MAX_CACHED_HEADS / 2) return;
    }
  }

  private async readHead(stream: string): Promise<HeadState> {
    try {
      const { data, stat } = await this.zk.getData(this.layout.stream(stream));
      return { exists: true, zver: stat.version, data: decodeHead(data), inFlight: 0 };
    } catch (error) {
      if (isNoNode(error)) return { exists: false, zver: 0, data: EMPTY_HEAD, inFlight: 0 };
      throw error;
    }
  }

  private plan(): Batch | undefined {
    const log = this.log!;
    const batch: Batch = { requests: [], ops: [], owners: [], lastEntry: '', settled: false };
    const blocked = new Set<string>();
    const fences = new Set<string>();
    const sealed: StoredEvent[] = [];
    const headOps: Array<[ZkOp, Owner]> = [];
    let position = log.position;
    let hash = log.hash;
    let bytes = 0;
    for (const request of [...this.queue]) {
      if (bytes + request.bytes > this.options.maxBatchBytes) break;
      const head = this.heads.get(request.stream);
      if (!head || blocked.has(request.stream)) continue;
      const verdict = this.judge(request, head);
      if (verdict === 'settled') continue;
      if (verdict === 'wait') {
        blocked.add(request.stream);
        continue;
      }
      this.remove(request);
      const events = sealEvents(request.events, {
        stream: request.stream,
        streamVersion: head.data.version,
        position,
        prevHash: hash,
        now: this.options.clock(),
      });
      const move = headMoveOps(this.layout, request.stream, head, events);
      for (const op of move.ops) headOps.push([op, { kind: 'stream', stream: request.stream }]);
      Object.assign(head, move.head, { inFlight: head.inFlight + 1 });
      bytes += request.bytes + move.bytes;
      if (request.fence !== undefined) fences.add(request.fence);
      sealed.push(...events);
      position += events.length;
      hash = events[events.length - 1].hash;
      batch.requests.push({
        request,
        head,
        result: {
          positions: events.map((e) => e.position),
          streamVersion: events[events.length - 1].streamVersion,
        },
      });
    }
    if (batch.requests.length === 0) return undefined;

    const add = (op: ZkOp, owner: Owner): void => {
      batch.ops.push(op);
      batch.owners.push(owner);
    };
    for (const fence of fences) add({ kind: 'check', path: fence }, { kind: 'fence', fence });
    if (this.last && !this.last.settled) add({ kind: 'check', path: this.last.lastEntry }, { kind: 'log' });
    const tag = (): string => `${this.writer}${(this.batches++).toString(36)}`;
    const entries = entryOps(this.layout, sealed, tag);
    const created = entries
      .filter((op) => op.path.includes('/e-'))
      .map((op) => op.path.slice(this.layout.log.length + 1));
    const recent = [...log.recent, ...created].slice(-RECENT_ENTRIES);
    const head = encodeLogHead({ position, hash, recent });
    add({ kind: 'set', path: this.layout.logHead, data: head, version: log.zver }, { kind: 'log' });
    for (const entry of entries) add(entry, { kind: 'log' });
    for (const [op, owner] of headOps) add(op, owner);
    batch.lastEntry = batch.ops.filter((op) => op.kind === 'create' && op.path.includes('/e-')).at(-1)!.path;
    this.log = { position, hash, recent, zver: log.zver + 1 };
    this.last = batch;
    return batch;
  }

  /** 'go' to write it now, 'wait' for the stream's batches in flight or a fresh head, 'settled' if answered. */
  private judge(request: Queued, head: HeadState): 'go' | 'wait' | 'settled' {
    const ids = request.events.map((event) => event.id);
    const earlier = head.inFlight === 0 ? findRecent(head.data.recent, ids) : undefined;
    if (earlier) {
      this.remove(request);
      const [first, streamVersion] = earlier;
      request.resolve({ positions: ids.map((_, i) => first + i), streamVersion });
      return 'settled';
    }
    const failure = expectationFailure(request.stream, request.expected, head.data.version);
    if (!failure) return 'go';
    if (head.inFlight > 0) return 'wait';
    if (request.recheck) {
      this.remove(request);
      const after = failure.expected === NO_STREAM ? 0 : Number(failure.expected);
      this.options.findRetried(request.stream, after, ids).then(
        (earlier) => (earlier ? request.resolve(earlier) : request.reject(failure)),
        () => request.reject(failure),
      );
      return 'settled';
    }
    request.recheck = true;
    this.heads.delete(request.stream);
    return 'wait';
  }

  private async commit(batch: Batch): Promise<void> {
    let failure: unknown;
    try {
      await this.zk.multi(batch.ops);
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined && !(failure instanceof MultiOpError))
      failure = await this.outcome(batch, failure);
    batch.settled = true;
    for (const { head } of batch.requests) head.inFlight -= 1;
    if (failure === undefined) {
      for (const { request, result } of batch.requests) request.resolve(result);
      return;
    }
    this.recover(batch, failure);
  }

  /** After a lost connection: undefined if the batch did commit, else why not. */
  private async outcome(batch: Batch, error: unknown): Promise<unknown> {
    if (!isConnectionLoss(error)) return error;
    if (await this.zk.connected(this.options.sessionTimeout)) {
      try {
        return (await this.zk.exists(batch.lastEntry)) ? undefined : error;
      } catch (checkError) {
        error = checkError;
      }
    }
    return new OutcomeUnknown(error);
  }

  private recover(batch: Batch, failure: unknown): void {
    this.log = undefined;
    for (const { request } of batch.requests) this.heads.delete(request.stream);
    const owner = failure instanceof MultiOpError ? batch.owners[failure.index] : undefined;
    const retry: Queued[] = [];
    for (const { request } of batch.requests) {
      request.attempts += 1;
      if (failure instanceof OutcomeUnknown)
        request.reject(new AppendOutcomeUnknownError(request.stream, failure.cause));
      else if (owner?.kind === 'fence' && request.fence === owner.fence)
        request.reject(new FencedError(owner.fence));
      else if (request.attempts >= this.options.maxAttempts)
        request.reject(
          new Error(`append to ${request.stream}: ${request.attempts} multis failed, last: ${failure}`),
        );
      else {
        if (owner?.kind === 'stream' && owner.stream === request.stream) request.recheck = true;
        retry.push(request);
      }
    }
    this.queue.push(...retry);
    this.queue.sort((a, b) => a.seq - b.seq);
    if (retry.length > 0) this.kick();
  }

  private remove(request: Queued): void {
    this.queue.splice(this.queue.indexOf(request), 1);
  }
}

class OutcomeUnknown {
  constructor(readonly cause: unknown) {}
}
