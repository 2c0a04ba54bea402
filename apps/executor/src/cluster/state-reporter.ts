import { ControllerMessage, ExecutorResourceSnapshotJson } from '@drove/domain';
import { randomUUID } from 'node:crypto';
import { StateRecord } from '../engine/state-record';
import { sleep } from '../util/sleep';
import { LeaderAddress } from './leader-finder';

export interface ReporterOptions {
  leader: { leader(): Promise<LeaderAddress | undefined>; forget(): void };
  // The EXECUTOR cluster secret.
  secret: string;
  hostname: string;
  resources: () => ExecutorResourceSnapshotJson;
  // Drove: 3 attempts, 1 s apart.
  attempts?: number;
  retryDelayMs?: number;
  requestTimeoutMs?: number;
  maxPending?: number;
  onDropped?: (report: StateRecord, reason: string) => void;
}

const TYPES: Record<StateRecord['kind'], ControllerMessage['type']> = {
  INSTANCE: 'INSTANCE_STATE_REPORT',
  TASK: 'TASK_STATE_REPORT',
  LOCAL_SERVICE_INSTANCE: 'LOCAL_SERVICE_INSTANCE_STATE_REPORT',
};

// Pushes every state change to the leader's `/apis/v1/messages`, one at a time and in order. A report is tried
// `attempts` times (only ACCEPTED counts); without a leader it is dropped after them: the 20 s snapshot in
// ZooKeeper carries the state anyway.
export class StateReporter {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private stopped = false;

  constructor(private readonly options: ReporterOptions) {}

  report(record: StateRecord): void {
    // Without a leader every report takes its full retry time; past the cap new ones are dropped at once
    // rather than piling up (the snapshot in ZooKeeper still carries the state).
    if (this.pending >= (this.options.maxPending ?? 1000)) {
      this.options.onDropped?.(record, 'too many reports pending');
      return;
    }
    this.pending++;
    const message = {
      type: TYPES[record.kind],
      header: { id: randomUUID(), senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: Date.now() },
      resourceSnapshot: this.options.resources(),
      instanceInfo: record.info,
    };
    this.queue = this.queue.then(() => this.deliver(record, message)).finally(() => this.pending--);
  }

  // Reports still queued are dropped without further tries.
  stop(): void {
    this.stopped = true;
  }

  // Resolves once everything reported so far was delivered or dropped.
  flushed(): Promise<void> {
    return this.queue;
  }

  private async deliver(record: StateRecord, message: unknown): Promise<void> {
    const { attempts = 3, retryDelayMs = 1000 } = this.options;
    let reason = 'no leader';
    for (let attempt = 1; attempt <= attempts && !this.stopped; attempt++) {
      try {
        const leader = await this.options.leader.leader();
        if (leader) {
          const status = await this.send(leader, message);
          if (status === 'ACCEPTED') return;
          reason = `leader answered ${status}`;
        }
      } catch (err) {
        reason = (err as Error).message;
      }
      this.options.leader.forget();
      if (attempt < attempts) await sleep(retryDelayMs);
    }
    this.options.onDropped?.(record, reason);
  }

  private async send(leader: LeaderAddress, message: unknown): Promise<string> {
    const scheme = leader.transportType === 'HTTPS' ? 'https' : 'http';
    const res = await fetch(`${scheme}://${leader.hostname}:${leader.port}/apis/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'cluster-authorization': this.options.secret,
        nodeid: this.options.hostname,
      },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 1000),
    });
    if (res.status !== 200) return `HTTP ${res.status}`;
    const body = (await res.json()) as { status?: string };
    return body.status ?? 'no status';
  }
}
