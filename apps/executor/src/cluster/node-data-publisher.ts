import { ExecutorNodeDataJson } from '@drove/domain';

export interface EphemeralWriter {
  writeEphemeral(path: string, data: Buffer): Promise<void>;
  remove(path: string): Promise<void>;
}

// Liveness: the executor's ExecutorNodeData in the ephemeral znode `/<ns>/executor/<hostname>-<port>`,
// rewritten on every change (coalesced: at most one write in flight, the latest data wins) and every
// `intervalMs` (Drove: 20 s). A failed write (ZooKeeper away) is retried on the next tick or change.
export class NodeDataPublisher {
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;
  private dirty = false;
  private stopped = false;

  constructor(
    private readonly zk: EphemeralWriter,
    readonly path: string,
    private readonly data: () => ExecutorNodeDataJson,
    private readonly intervalMs: number,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  start(): void {
    this.changed();
    this.timer = setInterval(() => this.changed(), this.intervalMs);
  }

  changed(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.writing ??= this.drain().finally(() => (this.writing = undefined));
  }

  // Resolves once the latest change is written (or failed).
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.settled();
    await this.zk.remove(this.path).catch(() => undefined);
  }

  private async drain(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      await this.zk
        .writeEphemeral(this.path, Buffer.from(JSON.stringify(this.data())))
        .catch((err: Error) => this.onError(err));
    }
  }
}
