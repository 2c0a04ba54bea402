import { parseSse, SseMessage } from './parse-sse';

/** An SSE response read as it arrives, for tests: wait for what a test expects, then hang up. */
export class SseConnection {
  private text = '';
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
    return parseSse(this.text).messages;
  }

  get parsed(): ReturnType<typeof parseSse> {
    return parseSse(this.text);
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Resolves once `predicate` holds on what arrived; fails after `timeoutMs` naming what was received. */
  async until(what: string, predicate: (c: SseConnection) => boolean, timeoutMs = 5000): Promise<void> {
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

  private async readAll(body: ReadableStream<Uint8Array> | null): Promise<void> {
    if (!body) return;
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted by close(), or the server went away: what arrived is kept
    } finally {
      this.ended = true;
    }
  }
}
