import { authHeaders, ControllerAuth } from './controller-api';
import { DroveEvent } from './drove-types';
import { SseParser } from './sse-parser';

export interface EventStreamOptions {
  /** Controller base URLs; whichever leads streams, the others answer 400. */
  controllers: readonly string[];
  auth: ControllerAuth;
  /** Drove event types to receive (`types=`); empty for all. */
  types: readonly string[];
  reconnectDelayMs: number;
  /** No byte (not even a heartbeat) for this long: the connection is taken as dead and replaced. */
  idleTimeoutMs: number;
  /**
   * Called when a controller starts streaming, before any of its events. `resumed` is false when the stream
   * started from now (no Last-Event-ID yet): the caller must read the full state then.
   */
  onConnected(baseUrl: string, resumed: boolean): Promise<void>;
  onEvent(event: DroveEvent): void;
  log(message: string): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows `GET /apis/v2/events/stream` across disconnections and leader changes: it tries the controllers in
 * turn (starting with the last one that streamed) and resumes with the id of the last event it handed out, so
 * no event is lost or repeated.
 */
export class EventStreamClient {
  private lastEventId: string | undefined;
  private stopped = false;
  private current: AbortController | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: EventStreamOptions) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { controllers } = this.options;
    let next = 0;
    while (!this.stopped) {
      const baseUrl = controllers[next % controllers.length];
      let retryMs = this.options.reconnectDelayMs;
      try {
        const streamed = await this.stream(baseUrl);
        if (streamed !== undefined) retryMs = streamed;
        else next += 1;
      } catch (error) {
        if (!this.stopped) this.options.log(`stream from ${baseUrl}: ${describe(error)}`);
        next += 1;
      }
      if (!this.stopped) await sleep(retryMs);
    }
  }

  /** Streams until the connection ends; the server's `retry`, or undefined when this controller would not stream. */
  private async stream(baseUrl: string): Promise<number | undefined> {
    const abort = new AbortController();
    this.current = abort;
    const resumeFrom = this.lastEventId;
    const headers: Record<string, string> = {
      ...authHeaders(this.options.auth),
      accept: 'text/event-stream',
    };
    if (resumeFrom !== undefined) headers['last-event-id'] = resumeFrom;
    const types = this.options.types.length > 0 ? `?types=${this.options.types.join(',')}` : '';
    const res = await fetch(`${baseUrl}/apis/v2/events/stream${types}`, { headers, signal: abort.signal });
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      return undefined;
    }
    this.options.log(`streaming from ${baseUrl}${resumeFrom === undefined ? '' : ` after ${resumeFrom}`}`);
    try {
      await this.options.onConnected(baseUrl, resumeFrom !== undefined);
    } catch (error) {
      abort.abort();
      throw error;
    }
    const parser = new SseParser(resumeFrom);
    const decoder = new TextDecoder();
    let idle = setTimeout(() => abort.abort(), this.options.idleTimeoutMs);
    try {
      for await (const chunk of res.body) {
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), this.options.idleTimeoutMs);
        for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
          this.options.onEvent(JSON.parse(message.data) as DroveEvent);
          this.lastEventId = message.lastEventId;
        }
      }
    } catch (error) {
      if (!this.stopped) this.options.log(`stream from ${baseUrl} broke: ${describe(error)}`);
    } finally {
      clearTimeout(idle);
    }
    return parser.retryMs ?? this.options.reconnectDelayMs;
  }
}

const describe = (error: unknown): string =>
  error instanceof Error
    ? `${error.message}${error.cause ? ` (${describe(error.cause)})` : ''}`
    : String(error);
