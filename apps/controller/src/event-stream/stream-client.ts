import { FeedEntry } from '../events-feed/drove-event-feed';
import { eventFrame, HEARTBEAT_FRAME, openingFrame } from './sse-frames';
import { isAfter, StreamCursor } from './stream-cursor';
import { StreamFilter } from './stream-filter';

/** The connection a client reads from (an HTTP response; a PassThrough in tests). */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
}

/** The feed as clients read it (DroveEventFeed): entries by index, at once or read back from the log. */
export interface StreamFeed {
  readonly length: number;
  firstAfter(cursor: StreamCursor): number;
  read(start: number, end: number): readonly FeedEntry[] | Promise<readonly FeedEntry[]>;
}

/** What clients read: the feed's entries, of which those at or below `horizon()` may be sent. */
export interface StreamSource {
  readonly feed: StreamFeed;
  horizon(): number;
}

export interface StreamClientOptions {
  heartbeatIntervalMs: number;
  stallTimeoutMs: number;
  retryMs: number;
  now(): number;
}

/** Entries looked at per turn of the event loop, so a long catch-up does not hold up the controller. */
const ENTRIES_PER_TURN = 500;

/**
 * One SSE client. It reads the shared feed by index rather than being pushed copies: catch-up and live are the
 * same loop (no race between them, no duplicates), and a slow client holds no queue of its own. It writes only
 * while its connection accepts data (backpressure), so what it costs is bounded by the socket's high-water mark
 * plus one message; when the connection stays full past `stallTimeoutMs` the client is dropped.
 */
export class StreamClient {
  private next: number;
  private blockedSince: number | undefined;
  private lastWriteAt: number;
  private turnScheduled = false;
  private closed = false;

  constructor(
    private readonly sink: StreamSink,
    private readonly source: StreamSource,
    private readonly after: StreamCursor,
    private readonly filter: StreamFilter,
    private readonly options: StreamClientOptions,
    onClosed: (client: StreamClient) => void,
  ) {
    this.next = source.feed.firstAfter(after);
    this.lastWriteAt = options.now();
    sink.once('close', () => {
      this.closed = true;
      onClosed(this);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  start(): void {
    this.write(openingFrame(this.options.retryMs));
    this.pump();
  }

  /** Sends what the feed holds up to the horizon, until the connection is full (then 'drain' resumes it). */
  pump(): void {
    if (this.closed || this.blockedSince !== undefined || this.turnScheduled) return;
    const feed = this.source.feed;
    const end = Math.min(feed.firstAfter({ position: this.source.horizon(), index: Infinity }), feed.length);
    if (this.next >= end) return;
    const turnEnd = Math.min(end, this.next + ENTRIES_PER_TURN);
    const batch = feed.read(this.next, turnEnd);
    if (batch instanceof Promise) {
      // older entries read back from the log: this client waits for them, nothing else does; a failed read
      // ends the stream (the client resumes with its Last-Event-ID) rather than skipping anything
      this.turnScheduled = true;
      batch.then(
        (entries) => this.afterTurn(() => this.send(entries)),
        () => this.afterTurn(() => this.close()),
      );
      return;
    }
    this.send(batch);
    if (turnEnd < end) {
      this.turnScheduled = true;
      setImmediate(() => this.afterTurn(() => undefined));
    }
  }

  private afterTurn(then: () => void): void {
    this.turnScheduled = false;
    then();
    this.pump();
  }

  /** Writes a batch from `next` on, stopping when the connection is full (the rest is read again later). */
  private send(entries: readonly FeedEntry[]): void {
    for (const entry of entries) {
      if (this.closed || this.blockedSince !== undefined) return;
      this.next += 1;
      if (isAfter(entry, this.after) && this.filter(entry.event) && !this.write(eventFrame(entry))) return;
    }
  }

  /** Periodic: a heartbeat when idle, and the verdict on a stalled connection. */
  tick(): 'open' | 'stalled' {
    if (this.closed) return 'open';
    const now = this.options.now();
    if (this.blockedSince !== undefined) {
      return now - this.blockedSince >= this.options.stallTimeoutMs ? 'stalled' : 'open';
    }
    if (now - this.lastWriteAt >= this.options.heartbeatIntervalMs) this.write(HEARTBEAT_FRAME);
    return 'open';
  }

  /** Ends the stream; a connection that is not reading is torn down rather than flushed. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.blockedSince !== undefined) this.sink.destroy();
    else this.sink.end();
  }

  /** False when the connection is full: nothing more is written until it drains. */
  private write(frame: string): boolean {
    this.lastWriteAt = this.options.now();
    if (this.sink.write(frame)) return true;
    this.blockedSince = this.lastWriteAt;
    this.sink.once('drain', () => {
      this.blockedSince = undefined;
      this.pump();
    });
    return false;
  }
}
