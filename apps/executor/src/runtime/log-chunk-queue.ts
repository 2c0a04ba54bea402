import { LogChunk, LogStream } from './container-runtime.port';

export interface FlowControl {
  // Called when more than highWaterMark chunks wait for the consumer, and again once it caught up to half.
  pause(): void;
  resume(): void;
  highWaterMark: number;
}

// A push-fed LogStream: producers push chunks and end it; one consumer iterates. Closing drops what is
// buffered and ends the iteration at once. With flow control, a slow consumer (a log file on a busy disk)
// pauses the producer instead of letting the buffer grow without bound.
export class LogChunkQueue implements LogStream {
  private readonly buffered: LogChunk[] = [];
  private ended = false;
  private paused = false;
  private wake?: () => void;

  constructor(
    private readonly onClose: () => void = () => undefined,
    private readonly flow?: FlowControl,
  ) {}

  get size(): number {
    return this.buffered.length;
  }

  push(chunk: LogChunk): void {
    if (this.ended) return;
    this.buffered.push(chunk);
    if (this.flow && !this.paused && this.buffered.length > this.flow.highWaterMark) {
      this.paused = true;
      this.flow.pause();
    }
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
        this.resumeIfDrained();
        yield next;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private resumeIfDrained(): void {
    if (this.flow && this.paused && this.buffered.length <= this.flow.highWaterMark / 2) {
      this.paused = false;
      this.flow.resume();
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
