/** Append only if the stream's current version does not matter. */
export const ANY = 'any' as const;
/** Append only if the stream has no events yet. */
export const NO_STREAM = 'no-stream' as const;

/** The stream version the caller last saw (number of events in it), or ANY / NO_STREAM. */
export type ExpectedVersion = number | typeof ANY | typeof NO_STREAM;

export interface NewEvent {
  id: string;
  type: string;
  data: unknown;
  schemaVersion?: number;
  actor?: string;
  correlationId?: string | null;
  causationId?: string | null;
  /** Epoch ms; the store's clock when absent. */
  time?: number;
}

export interface StoredEvent {
  id: string;
  type: string;
  schemaVersion: number;
  stream: string;
  /** 1-based version of the stream after this event. */
  streamVersion: number;
  /** 1-based, gap-free, monotonic across the whole log. */
  position: number;
  time: number;
  actor: string;
  correlationId: string | null;
  causationId: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
}

export interface AppendOptions {
  /** Path of the writer's leader znode: the append fails unless it still exists. */
  fence?: string;
}

export interface AppendResult {
  positions: number[];
  streamVersion: number;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** First position whose hash, link or place in the log is wrong. */
  brokenAt?: number;
  reason?: string;
}

export interface SubscribeOptions {
  /** First position to deliver; defaults to the checkpoint's next position, else 1. */
  from?: number;
  /** Checkpoint name: the position after each handled batch is saved under it. */
  checkpoint?: string;
  batchSize?: number;
}

export interface Subscription {
  /** Resolves once the subscription has delivered everything up to the head it saw at start. */
  readonly caughtUp: Promise<void>;
  /** Rejects when the handler or the store fails; resolves when stopped. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface Snapshot<S = unknown> {
  position: number;
  state: S;
}

export interface EventStore {
  append(
    stream: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(stream: string, fromVersion?: number): Promise<StoredEvent[]>;
  readAll(fromPosition: number, limit: number): Promise<StoredEvent[]>;
  /** Position of the last event written, 0 when the log is empty. */
  headPosition(): Promise<number>;
  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription;
  saveCheckpoint(name: string, position: number): Promise<void>;
  loadCheckpoint(name: string): Promise<number | undefined>;
  saveSnapshot<S>(name: string, position: number, state: S): Promise<void>;
  loadSnapshot<S>(name: string): Promise<Snapshot<S> | undefined>;
  verify(from?: number, to?: number): Promise<VerifyResult>;
  /** Moves every sealed segment to the NDJSON archive; returns the segments archived. */
  archive(): Promise<number[]>;
  /** The listener runs when the store's session is gone for good (a leader must step down). */
  onSessionExpired(listener: () => void): () => void;
  close(): Promise<void>;
}
