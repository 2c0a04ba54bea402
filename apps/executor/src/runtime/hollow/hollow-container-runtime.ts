import { randomBytes } from 'node:crypto';
import {
  ContainerDetails,
  ContainerRuntime,
  ContainerStats,
  ContainerSummary,
  CreateContainerRequest,
  ExecOptions,
  ExecResult,
  FileToCopy,
  ListContainersQuery,
  LogStream,
  LogsOptions,
  RegistryCredentials,
} from '../container-runtime.port';
import {
  ContainerNotFoundError,
  ContainerNotRunningError,
  ContainerRuntimeError,
  ExecTimeoutError,
  ImageNotFoundError,
  ImagePullError,
  ImagePullTimeoutError,
  NameConflictError,
} from '../container-runtime.errors';
import { HollowContainer } from './hollow-container';
import { HollowImage } from './hollow-image';
import { runHollowShell, scriptOf } from './hollow-shell';
import { sleep } from '../../util/sleep';
import { withTimeout } from '../../util/with-timeout';

export interface HollowRuntimeOptions {
  // Images present locally at start.
  images: Record<string, HollowImage>;
  // Images a pull can fetch; pulling anything else fails as an unreachable registry would.
  registry?: Record<string, HollowImage>;
  pullDelayMs?: number;
  // Registry hosts that refuse anonymous pulls; a pull from them needs credentials with this password.
  registryPasswords?: Record<string, string>;
  // First host port handed out; each started port takes the next one.
  firstHostPort?: number;
  hostMemoryBytes?: number;
  // Fault injection for scale and state-machine tests: starting a container of one of these images fails with
  // the given engine message (e.g. a port conflict or an unavailable cpuset).
  startFailures?: Record<string, string>;
  now?: () => number;
}

// Simulated containers with the observable behaviour of the Docker adapter (see the contract suite). No
// processes, sockets or files: host ports are numbers only, so HTTP checks against hollow containers must be
// simulated by whoever runs them.
export class HollowContainerRuntime implements ContainerRuntime {
  private readonly images: Map<string, HollowImage>;
  private readonly containers = new Map<string, HollowContainer>();
  private readonly idsByName = new Map<string, string>();
  private nextHostPort: number;
  private readonly now: () => number;

  constructor(private readonly options: HollowRuntimeOptions) {
    this.images = new Map(Object.entries(options.images));
    this.nextHostPort = options.firstHostPort ?? 32768;
    this.now = options.now ?? Date.now;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async hasImage(image: string): Promise<boolean> {
    return this.images.has(image);
  }

  async pullImage(image: string, timeoutMs: number, credentials?: RegistryCredentials): Promise<void> {
    const delay = this.options.pullDelayMs ?? 0;
    if (delay > timeoutMs) {
      await sleep(timeoutMs);
      throw new ImagePullTimeoutError(image, timeoutMs);
    }
    await sleep(delay);
    const host = image.includes('/') ? image.slice(0, image.indexOf('/')) : '';
    const password = this.options.registryPasswords?.[host];
    if (password !== undefined && credentials?.password !== password) {
      throw new ImagePullError(image, 'unauthorized: authentication required');
    }
    const pulled = this.options.registry?.[image];
    if (!pulled) throw new ImagePullError(image, 'repository does not exist or may require authorization');
    this.images.set(image, pulled);
  }

  async removeImage(image: string): Promise<void> {
    const inUse = [...this.containers.values()].some((c) => c.request.image === image);
    if (!inUse) this.images.delete(image);
  }

  async create(request: CreateContainerRequest): Promise<string> {
    const image = this.images.get(request.image);
    if (!image) throw new ImageNotFoundError(request.image);
    if (this.find(request.name)) throw new NameConflictError(request.name);
    const id = randomBytes(32).toString('hex');
    this.containers.set(id, new HollowContainer(id, structuredClone(request), image, this.now));
    this.idsByName.set(request.name, id);
    return id;
  }

  async copyFiles(id: string, files: FileToCopy[]): Promise<void> {
    const container = this.get(id);
    files.forEach((f) => container.files.set(f.path, Buffer.from(f.content)));
  }

  async start(id: string): Promise<void> {
    const container = this.get(id);
    if (container.running) return;
    const failure = this.options.startFailures?.[container.request.image];
    if (failure) throw new ContainerRuntimeError(failure);
    container.start(
      container.request.ports.map((p) => ({
        containerPort: p.containerPort,
        protocol: p.protocol,
        hostPort: p.hostPort || this.nextHostPort++,
      })),
    );
  }

  async stop(id: string, graceSeconds: number): Promise<void> {
    await this.get(id).stop(graceSeconds * 1000);
  }

  async kill(id: string): Promise<void> {
    this.get(id).kill();
  }

  async remove(id: string): Promise<void> {
    const container = this.find(id);
    if (!container) return;
    container.kill();
    this.containers.delete(container.id);
    this.idsByName.delete(container.request.name);
  }

  async inspect(id: string): Promise<ContainerDetails | undefined> {
    return this.find(id)?.details();
  }

  async list(query: ListContainersQuery): Promise<ContainerSummary[]> {
    return [...this.containers.values()]
      .filter((c) => query.all || c.running)
      .filter((c) => matchesLabels(c.request.labels, query.labels))
      .map((c) => ({
        id: c.id,
        name: c.request.name,
        image: c.request.image,
        labels: { ...c.request.labels },
        status: c.status,
        running: c.running,
      }));
  }

  async exec(id: string, cmd: string[], options: ExecOptions = {}): Promise<ExecResult> {
    const container = this.get(id);
    if (!container.running) throw new ContainerNotRunningError(id);
    let output = '';
    const abort = new AbortController();
    const run = runHollowShell(scriptOf(cmd), {
      env: container.env,
      files: container.files,
      write: (_, text) => (output += text),
      sleep: (ms) => sleep(ms, abort.signal),
    }).then((exitCode) => ({ exitCode, output }));
    if (options.timeoutMs === undefined) return run;
    try {
      return await withTimeout(
        run,
        options.timeoutMs,
        () => new ExecTimeoutError(id, options.timeoutMs ?? 0),
      );
    } finally {
      abort.abort();
      run.catch(() => undefined);
    }
  }

  async logs(id: string, options: LogsOptions): Promise<LogStream> {
    return this.get(id).logs(options);
  }

  async stats(id: string): Promise<ContainerStats> {
    const container = this.get(id);
    const limit = container.request.memoryBytes || (this.options.hostMemoryBytes ?? 8 * 1024 ** 3);
    return {
      cpuTotalUsageNanos: 0,
      systemCpuUsageNanos: 0,
      onlineCpus: 1,
      throttledPeriods: 0,
      memoryUsageBytes: 0,
      memoryMaxUsageBytes: 0,
      memoryLimitBytes: limit,
      networkRxBytes: 0,
      networkTxBytes: 0,
      networkRxErrors: 0,
      networkTxErrors: 0,
      networkRxDropped: 0,
      networkTxDropped: 0,
      blockReadBytes: 0,
      blockWriteBytes: 0,
      pids: 1,
    };
  }

  async wait(id: string): Promise<number> {
    return this.get(id).waitForExit();
  }

  // Fault injection: the container's process exits on its own with exitCode (a crash, an OOM kill as 137).
  crash(idOrName: string, exitCode: number): void {
    this.get(idOrName).crash(exitCode);
  }

  private find(idOrName: string): HollowContainer | undefined {
    return this.containers.get(idOrName) ?? this.containers.get(this.idsByName.get(idOrName) ?? '');
  }

  private get(idOrName: string): HollowContainer {
    const container = this.find(idOrName);
    if (!container) throw new ContainerNotFoundError(idOrName);
    return container;
  }
}

function matchesLabels(labels: Record<string, string>, wanted: Record<string, string | true>): boolean {
  return Object.entries(wanted).every(([key, value]) =>
    value === true ? key in labels : labels[key] === value,
  );
}
