import { FeedEntry } from '../events-feed/drove-event-feed';
import { eventFrame, HEARTBEAT_FRAME, openingFrame } from './sse-frames';
import { firstEntryAfter, isAfter, StreamCursor } from './stream-cursor';
import { StreamFilter } from './stream-filter';

/** The connection a client reads from (an HTTP response; a PassThrough in tests). */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
}

/** What clients read: the feed's entries, of which those at or below `horizon()` may be sent. */
export interface StreamSource {
  readonly entries: readonly FeedEntry[];
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
    this.next = firstEntryAfter(source.entries, after);
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
    const entries = this.source.entries;
    const horizon = this.source.horizon();
    for (let looked = 0; this.next < entries.length && entries[this.next].position <= horizon; looked += 1) {
      if (looked === ENTRIES_PER_TURN) {
        this.turnScheduled = true;
        setImmediate(() => {
          this.turnScheduled = false;
          this.pump();
        });
        return;
      }
      const entry = entries[this.next];
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
