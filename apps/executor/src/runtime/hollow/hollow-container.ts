import {
  ContainerDetails,
  ContainerStatus,
  CreateContainerRequest,
  LogChunk,
  LogStreamName,
  LogsOptions,
  PortBinding,
} from '../container-runtime.port';
import { LogChunkQueue } from '../log-chunk-queue';
import { HollowImage } from './hollow-image';
import { sleep } from '../../util/sleep';

const SIGKILL_EXIT = 137;
// Bounds memory when hundreds of hollow executors run chatty containers for hours.
const MAX_LOG_ENTRIES = 2000;

interface LogEntry extends LogChunk {
  timeMs: number;
}

// One simulated container: its main process is an async function, its file system a map, its output a list.
export class HollowContainer {
  status: ContainerStatus = 'created';
  exitCode = 0;
  startedAt?: number;
  finishedAt?: number;
  ports: PortBinding[] = [];
  readonly files = new Map<string, Buffer>();
  private readonly logEntries: LogEntry[] = [];
  private readonly logListeners = new Set<(entry?: LogEntry) => void>();
  private readonly exitWaiters = new Set<(code: number) => void>();
  private stopSignal = new AbortController();

  constructor(
    readonly id: string,
    readonly request: CreateContainerRequest,
    private readonly image: HollowImage,
    private readonly now: () => number,
  ) {}

  get env(): Record<string, string> {
    const env: Record<string, string> = { ...(this.image.env ?? {}) };
    for (const entry of this.request.env) {
      const at = entry.indexOf('=');
      if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
    }
    return env;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  start(ports: PortBinding[]): void {
    if (this.running) return;
    this.ports = ports;
    this.status = 'running';
    this.startedAt = this.now();
    this.finishedAt = undefined;
    this.stopSignal = new AbortController();
    const signal = this.stopSignal.signal;
    const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    const run = this.image.run ?? (async () => stopped.then(() => SIGKILL_EXIT));
    run({
      env: this.env,
      args: this.request.cmd ?? [],
      files: this.files,
      write: (stream, text) => this.write(stream, text),
      sleep: (ms) => sleep(ms, signal),
      stopped,
    }).then(
      (code) => this.exit(code),
      () => this.exit(SIGKILL_EXIT),
    );
  }

  // Asks the process to end; forces it after graceMs, as `docker stop` does.
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.stopSignal.abort();
    const exited = this.waitForExit();
    const timer = setTimeout(() => this.exit(SIGKILL_EXIT), graceMs);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    this.stopSignal.abort();
    this.exit(SIGKILL_EXIT);
  }

  // The main process ends by itself with this code, as a crashing application would.
  crash(exitCode: number): void {
    this.stopSignal.abort();
    this.exit(exitCode);
  }

  waitForExit(): Promise<number> {
    if (!this.running) return Promise.resolve(this.exitCode);
    return new Promise((resolve) => this.exitWaiters.add(resolve));
  }

  details(): ContainerDetails {
    const { request } = this;
    return {
      id: this.id,
      name: request.name,
      image: request.image,
      labels: { ...request.labels },
      env: Object.entries(this.env).map(([k, v]) => `${k}=${v}`),
      cmd: [...(request.cmd ?? [])],
      user: request.user ?? '',
      status: this.status,
      running: this.running,
      exitCode: this.exitCode,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      ports: this.running ? this.ports.map((p) => ({ ...p })) : [],
      cpusetCpus: request.cpusetCpus ?? '',
      cpusetMems: request.cpusetMems ?? '',
      memoryBytes: request.memoryBytes ?? 0,
    };
  }

  logs(options: LogsOptions): LogChunkQueue {
    const sinceMs = (options.sinceSeconds ?? 0) * 1000;
    let entries = this.logEntries.filter((e) => e.timeMs >= sinceMs);
    if (options.tail !== undefined) entries = options.tail === 0 ? [] : entries.slice(-options.tail);
    const listener = (entry?: LogEntry): void => (entry ? queue.push(chunkOf(entry)) : queue.end());
    const queue = new LogChunkQueue(() => this.logListeners.delete(listener));
    entries.forEach((e) => queue.push(chunkOf(e)));
    if (options.follow && this.running) {
      this.logListeners.add(listener);
    } else {
      queue.end();
    }
    return queue;
  }

  private write(stream: LogStreamName, text: string): void {
    if (!this.running) return;
    const entry = { stream, data: Buffer.from(text), timeMs: this.now() };
    this.logEntries.push(entry);
    if (this.logEntries.length > MAX_LOG_ENTRIES) this.logEntries.shift();
    this.logListeners.forEach((l) => l(entry));
  }

  private exit(code: number): void {
    if (!this.running) return;
    this.status = 'exited';
    this.exitCode = code;
    this.finishedAt = this.now();
    this.logListeners.forEach((l) => l());
    this.logListeners.clear();
    this.exitWaiters.forEach((w) => w(code));
    this.exitWaiters.clear();
  }
}

function chunkOf(entry: LogEntry): LogChunk {
  return { stream: entry.stream, data: entry.data };
}
