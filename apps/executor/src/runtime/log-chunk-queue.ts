import { LogChunk, LogStream } from './container-runtime.port';

// A push-fed LogStream: producers push chunks and end it; one consumer iterates. Closing drops what is
// buffered and ends the iteration at once.
export class LogChunkQueue implements LogStream {
  private readonly buffered: LogChunk[] = [];
  private ended = false;
  private wake?: () => void;
  private readonly onClose: () => void;

  constructor(onClose: () => void = () => undefined) {
    this.onClose = onClose;
  }

  push(chunk: LogChunk): void {
    if (this.ended) return;
    this.buffered.push(chunk);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  close(): void {
    this.buffered.length = 0;
    this.end();
    this.onClose();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LogChunk> {
    for (;;) {
      const next = this.buffered.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
