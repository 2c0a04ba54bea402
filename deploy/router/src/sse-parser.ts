export interface SseMessage {
  /** The message's `id`, or the last id the stream gave (SSE keeps it across messages). */
  lastEventId: string;
  data: string;
}

/**
 * Incremental Server-Sent Events parser (WHATWG HTML, "event stream interpretation"): feed it text as it
 * arrives, get the complete messages back. Comments (heartbeats) and event names are ignored.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private lastEventId: string;
  retryMs: number | undefined;

  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
  }

  push(text: string): SseMessage[] {
    this.buffer += text;
    const messages: SseMessage[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(this.buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') {
      if (this.data.length === 0) return undefined;
      const message = { lastEventId: this.lastEventId, data: this.data.join('\n') };
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }
}
