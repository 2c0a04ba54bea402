import Docker from 'dockerode';
import {
  ContainerDetails,
  ContainerRuntime,
  ContainerStats,
  ContainerSummary,
  ContainerStatus,
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
import { LogChunkQueue } from '../log-chunk-queue';
import { DockerStreamDemux, demuxAll } from './docker-stream-demux';
import { toCreateOptions, toDetails, toStats } from './docker-mapping';
import { tarArchive } from './tar-archive';
import { withTimeout } from '../../util/with-timeout';

// Chunks a log follower may fall behind before dockerd's stream is paused (with mode=non-blocking, the
// container never blocks on it; dockerd buffers up to max-buffer-size).
const LOG_HIGH_WATER_MARK = 1024;

interface EngineError {
  statusCode?: number;
  message?: string;
}

function statusOf(err: unknown): number | undefined {
  return (err as EngineError)?.statusCode;
}

function messageOf(err: unknown): string {
  return (err as EngineError)?.message ?? String(err);
}

// Runs `call`; a 404 becomes ContainerNotFoundError, statuses in `harmless` are ignored.
async function onContainer<T>(
  id: string,
  call: () => Promise<T>,
  harmless: number[] = [],
): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    const status = statusOf(err);
    if (status !== undefined && harmless.includes(status)) return undefined;
    if (status === 404) throw new ContainerNotFoundError(id);
    throw new ContainerRuntimeError(messageOf(err));
  }
}

export interface DockerRuntimeOptions {
  // Bound on every short engine call (Drove's containerCommandTimeout). Pulls, waits, log follows and the
  // commands run by exec have their own limits: a socket-wide timeout would cut a quiet log stream or a long
  // task's wait.
  commandTimeoutMs: number;
}

// The ContainerRuntime on a Docker Engine (or Podman's Docker-compatible socket) through dockerode.
export class DockerContainerRuntime implements ContainerRuntime {
  constructor(
    private readonly docker: Docker = new Docker(),
    private readonly options: DockerRuntimeOptions = { commandTimeoutMs: 30_000 },
  ) {}

  private bounded<T>(work: Promise<T>, extraMs = 0): Promise<T> {
    const limit = this.options.commandTimeoutMs + extraMs;
    work.catch(() => undefined);
    return withTimeout(
      work,
      limit,
      () => new ContainerRuntimeError(`Docker engine did not answer within ${limit} ms`),
    );
  }

  async ping(): Promise<boolean> {
    try {
      await this.bounded(this.docker.ping());
      return true;
    } catch {
      return false;
    }
  }

  async hasImage(image: string): Promise<boolean> {
    try {
      await this.bounded(this.docker.getImage(image).inspect());
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw new ContainerRuntimeError(messageOf(err));
    }
  }

  async pullImage(image: string, timeoutMs: number, credentials?: RegistryCredentials): Promise<void> {
    let stream: NodeJS.ReadableStream | undefined;
    const pull = (async () => {
      try {
        const authconfig = credentials && {
          username: credentials.username,
          password: credentials.password,
          serveraddress: credentials.serverAddress,
        };
        stream = (await this.docker.pull(image, authconfig ? { authconfig } : {})) as NodeJS.ReadableStream;
        await readPullProgress(stream);
      } catch (err) {
        throw new ImagePullError(image, messageOf(err));
      }
    })();
    try {
      await withTimeout(pull, timeoutMs, () => new ImagePullTimeoutError(image, timeoutMs));
    } catch (err) {
      (stream as { destroy?: () => void } | undefined)?.destroy?.();
      pull.catch(() => undefined);
      throw err;
    }
  }

  async removeImage(image: string): Promise<void> {
    try {
      await this.bounded(this.docker.getImage(image).remove());
    } catch (err) {
      // 409: still used by a container; 404: already gone. Neither should fail a stop.
      if (![404, 409].includes(statusOf(err) ?? 0)) throw new ContainerRuntimeError(messageOf(err));
    }
  }

  async create(request: CreateContainerRequest): Promise<string> {
    try {
      return (await this.bounded(this.docker.createContainer(toCreateOptions(request)))).id;
    } catch (err) {
      if (statusOf(err) === 404) throw new ImageNotFoundError(request.image);
      if (statusOf(err) === 409) throw new NameConflictError(request.name);
      throw new ContainerRuntimeError(messageOf(err));
    }
  }

  async copyFiles(id: string, files: FileToCopy[]): Promise<void> {
    const archive = tarArchive(files, Math.floor(Date.now() / 1000));
    await onContainer(id, () =>
      this.bounded(this.docker.getContainer(id).putArchive(archive, { path: '/' })),
    );
  }

  async start(id: string): Promise<void> {
    await onContainer(id, () => this.bounded(this.docker.getContainer(id).start()), [304]);
  }

  async stop(id: string, graceSeconds: number): Promise<void> {
    await onContainer(
      id,
      () => this.bounded(this.docker.getContainer(id).stop({ t: graceSeconds }), graceSeconds * 1000),
      [304],
    );
  }

  async kill(id: string): Promise<void> {
    await onContainer(id, () => this.bounded(this.docker.getContainer(id).kill()), [409]);
  }

  async remove(id: string): Promise<void> {
    // 409: a removal is already in progress.
    await onContainer(
      id,
      () => this.bounded(this.docker.getContainer(id).remove({ force: true, v: true })),
      [404, 409],
    );
  }

  async inspect(id: string): Promise<ContainerDetails | undefined> {
    const info = await onContainer(id, () => this.bounded(this.docker.getContainer(id).inspect()), [404]);
    return info ? toDetails(info) : undefined;
  }

  async list(query: ListContainersQuery): Promise<ContainerSummary[]> {
    const label = Object.entries(query.labels).map(([k, v]) => (v === true ? k : `${k}=${v}`));
    const containers = await this.bounded(this.docker.listContainers({ all: query.all, filters: { label } }));
    return containers.map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? '').replace(/^\//, ''),
      image: c.Image,
      labels: c.Labels ?? {},
      status: c.State as ContainerStatus,
      running: c.State === 'running',
    }));
  }

  async exec(id: string, cmd: string[], options: ExecOptions = {}): Promise<ExecResult> {
    const container = this.docker.getContainer(id);
    let exec: Docker.Exec;
    try {
      exec = await this.bounded(container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true }));
    } catch (err) {
      if (statusOf(err) === 409) throw new ContainerNotRunningError(id);
      if (statusOf(err) === 404) throw new ContainerNotFoundError(id);
      throw new ContainerRuntimeError(messageOf(err));
    }
    const stream = await exec.start({ hijack: true, stdin: false });
    const run = (async () => {
      const output = await readDemuxed(stream);
      return { exitCode: await exitCodeOf(exec), output };
    })();
    if (options.timeoutMs === undefined) return run;
    try {
      return await withTimeout(
        run,
        options.timeoutMs,
        () => new ExecTimeoutError(id, options.timeoutMs ?? 0),
      );
    } catch (err) {
      stream.destroy();
      run.catch(() => undefined);
      throw err;
    }
  }

  async logs(id: string, options: LogsOptions): Promise<LogStream> {
    const container = this.docker.getContainer(id);
    const base = { stdout: true, stderr: true, since: options.sinceSeconds, tail: options.tail };
    if (!options.follow) {
      const buffer = await onContainer(id, () => this.bounded(container.logs({ ...base, follow: false })));
      const queue = new LogChunkQueue();
      demuxAll(buffer ?? Buffer.alloc(0)).forEach((c) => queue.push(c));
      queue.end();
      return queue;
    }
    const stream = (await onContainer(id, () =>
      container.logs({ ...base, follow: true }),
    )) as NodeJS.ReadableStream & NodeJS.EventEmitter & { destroy(): void };
    // Pulled with for-await rather than fed by 'data' events: the iterator hands over everything the engine sent
    // before it reports the end, whereas a 'close' seen while paused would end the queue with lines still unread.
    let gate: { promise: Promise<void>; open: () => void } | null = null;
    const queue = new LogChunkQueue(() => stream.destroy(), {
      highWaterMark: LOG_HIGH_WATER_MARK,
      pause: () => {
        let open = () => undefined as void;
        gate = { promise: new Promise<void>((resolve) => (open = resolve)), open };
      },
      resume: () => {
        gate?.open();
        gate = null;
      },
    });
    void (async () => {
      const demux = new DockerStreamDemux();
      try {
        for await (const data of stream) {
          demux.push(data as Buffer).forEach((c) => queue.push(c));
          await (gate as { promise: Promise<void> } | null)?.promise;
        }
      } catch {
        // Destroyed by the consumer closing the stream, or cut by the engine: either way the stream is over.
      }
      queue.end();
    })();
    return queue;
  }

  async stats(id: string): Promise<ContainerStats> {
    const stats = await onContainer(id, () =>
      this.bounded(this.docker.getContainer(id).stats({ stream: false, 'one-shot': true })),
    );
    return toStats(stats as Docker.ContainerStats);
  }

  async wait(id: string): Promise<number> {
    const result = (await onContainer(id, () =>
      this.docker.getContainer(id).wait({ condition: 'not-running' }),
    )) as { StatusCode: number };
    return result.StatusCode;
  }
}

// Pull progress is JSON lines; a failure arrives as a line with `error`, not as an HTTP status.
async function readPullProgress(stream: NodeJS.ReadableStream): Promise<void> {
  let pending = '';
  for await (const piece of stream) {
    pending += piece.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim())) {
      const event = JSON.parse(line) as { error?: string };
      if (event.error) throw new Error(event.error);
    }
  }
}

function readDemuxed(stream: NodeJS.ReadableStream & NodeJS.EventEmitter): Promise<string> {
  const demux = new DockerStreamDemux();
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (data: Buffer) => demux.push(data).forEach((c) => parts.push(c.data)));
    stream.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    stream.on('error', reject);
  });
}

// The exec's stream can end a moment before dockerd records the exit code.
async function exitCodeOf(exec: Docker.Exec): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new ContainerRuntimeError('exec did not report an exit code');
}
