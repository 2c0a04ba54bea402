// The executor's only view of a container engine. The Docker adapter talks to dockerd; the hollow adapter
// simulates containers in memory so that hundreds of executors fit on one machine in scale tests. Both honour
// one contract suite (container-runtime.contract.ts), so the state machines above cannot tell them apart.

export type PortProtocol = 'tcp' | 'udp';

export interface PortBindingRequest {
  containerPort: number;
  protocol: PortProtocol;
  // Left out: the engine picks a free host port itself, so two executors (or two starts) never race for one.
  hostPort?: number;
  hostIp?: string;
}

export interface BindMount {
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

export interface DeviceMapping {
  pathOnHost: string;
  pathInContainer: string;
  // cgroup permissions, a subset of "rwm".
  permissions: string;
}

export interface DeviceRequest {
  driver?: string;
  count?: number;
  deviceIds?: string[];
  capabilities?: string[][];
  options?: Record<string, string>;
}

export interface LogDriver {
  type: string;
  config: Record<string, string>;
}

export interface CreateContainerRequest {
  name: string;
  image: string;
  labels: Record<string, string>;
  env: string[];
  // Replaces the image's CMD; the entrypoint stays.
  cmd?: string[];
  user?: string;
  cpusetCpus?: string;
  cpusetMems?: string;
  cpuCount?: number;
  memoryBytes?: number;
  ports: PortBindingRequest[];
  binds: BindMount[];
  devices: DeviceMapping[];
  deviceRequests: DeviceRequest[];
  maxOpenFiles?: number;
  logDriver?: LogDriver;
}

export type ContainerStatus =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortBinding {
  containerPort: number;
  protocol: PortProtocol;
  hostPort: number;
}

export interface ContainerDetails {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  env: string[];
  cmd: string[];
  user: string;
  status: ContainerStatus;
  running: boolean;
  exitCode: number;
  // Epoch ms; undefined while the container has never started / not finished.
  startedAt?: number;
  finishedAt?: number;
  ports: PortBinding[];
  cpusetCpus: string;
  cpusetMems: string;
  memoryBytes: number;
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  status: ContainerStatus;
  running: boolean;
}

export interface ListContainersQuery {
  // Every entry must match: a string value means label=value, `true` means the label is present.
  labels: Record<string, string | true>;
  // Include stopped containers.
  all: boolean;
}

export interface FileToCopy {
  // Absolute path inside the container; parents are created as needed.
  path: string;
  content: Buffer;
  mode?: number;
}

export interface ExecResult {
  exitCode: number;
  output: string;
}

export interface ExecOptions {
  // Exceeding it rejects with ExecTimeoutError; the process inside may linger, as with `docker exec`.
  timeoutMs?: number;
}

export type LogStreamName = 'stdout' | 'stderr';

export interface LogChunk {
  stream: LogStreamName;
  data: Buffer;
}

export interface LogsOptions {
  follow: boolean;
  // Only lines after this many epoch seconds (resume after a restart without duplicates).
  sinceSeconds?: number;
  // Number of last lines to start from; undefined means all.
  tail?: number;
}

// An ordered stream of output. It ends when the container stops (follow) or when all output was read.
export interface LogStream extends AsyncIterable<LogChunk> {
  close(): void;
}

export interface ContainerStats {
  cpuTotalUsageNanos: number;
  systemCpuUsageNanos: number;
  onlineCpus: number;
  throttledPeriods: number;
  memoryUsageBytes: number;
  memoryMaxUsageBytes: number;
  memoryLimitBytes: number;
  networkRxBytes: number;
  networkTxBytes: number;
  networkRxErrors: number;
  networkTxErrors: number;
  networkRxDropped: number;
  networkTxDropped: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  pids: number;
}

export interface RegistryCredentials {
  username: string;
  password: string;
  // The registry host the credentials are for.
  serverAddress: string;
}

export interface ContainerRuntime {
  // Engine reachable (the executor's /healthcheck).
  ping(): Promise<boolean>;
  hasImage(image: string): Promise<boolean>;
  // Rejects with ImagePullTimeoutError after timeoutMs and ImagePullError on any engine failure.
  pullImage(image: string, timeoutMs: number, credentials?: RegistryCredentials): Promise<void>;
  // Ignores an image still in use or already gone.
  removeImage(image: string): Promise<void>;
  // Rejects with ImageNotFoundError when the image is absent and NameConflictError when the name is taken.
  create(request: CreateContainerRequest): Promise<string>;
  // Files written into a created (not yet started) container.
  copyFiles(id: string, files: FileToCopy[]): Promise<void>;
  start(id: string): Promise<void>;
  // SIGTERM, then SIGKILL after graceSeconds. A stopped container is fine.
  stop(id: string, graceSeconds: number): Promise<void>;
  kill(id: string): Promise<void>;
  // Forced (a running container is killed) and with its anonymous volumes. A missing container is fine.
  remove(id: string): Promise<void>;
  // Undefined when no such container exists.
  inspect(id: string): Promise<ContainerDetails | undefined>;
  list(query: ListContainersQuery): Promise<ContainerSummary[]>;
  exec(id: string, cmd: string[], options?: ExecOptions): Promise<ExecResult>;
  logs(id: string, options: LogsOptions): Promise<LogStream>;
  stats(id: string): Promise<ContainerStats>;
  // Resolves with the exit code once the container has stopped (at once if it already has).
  wait(id: string): Promise<number>;
}
