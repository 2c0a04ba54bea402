import { ParsedSse, parseSse, SseMessage } from './parse-sse';

/** An SSE response read as it arrives, for tests: wait for what a test expects, then hang up. */
export class SseConnection {
  private text = '';
  private unparsed = '';
  private readonly received: ParsedSse = { messages: [], comments: [] };
  private ended = false;
  private readonly reading: Promise<void>;

  private constructor(
    readonly status: number,
    readonly contentType: string | null,
    body: ReadableStream<Uint8Array> | null,
    private readonly abort: AbortController,
  ) {
    this.reading = this.readAll(body);
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
    const abort = new AbortController();
    const res = await fetch(url, { headers, signal: abort.signal });
    return new SseConnection(res.status, res.headers.get('content-type'), res.body, abort);
  }

  get messages(): SseMessage[] {
    return this.received.messages;
  }

  get parsed(): ParsedSse {
    return this.received;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Resolves once `predicate` holds on what arrived; fails after `timeoutMs` naming what was received. */
  async until(what: string, predicate: (c: SseConnection) => boolean, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; received:\n${this.text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.reading;
  }

  /** Parses only what completed since the last chunk, so a long stream is not parsed again and again. */
  private take(chunk: string): void {
    this.text += chunk;
    this.unparsed += chunk;
    const end = this.unparsed.lastIndexOf('\n\n');
    if (end < 0) return;
    const fresh = parseSse(this.unparsed.slice(0, end + 2));
    this.unparsed = this.unparsed.slice(end + 2);
    this.received.messages.push(...fresh.messages);
    this.received.comments.push(...fresh.comments);
    this.received.retry = fresh.retry ?? this.received.retry;
  }

  private async readAll(body: ReadableStream<Uint8Array> | null): Promise<void> {
    if (!body) return;
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.take(decoder.decode(value, { stream: true }));
      }
    } catch {
      // aborted by close(), or the server went away: what arrived is kept
    } finally {
      this.ended = true;
    }
  }
}
