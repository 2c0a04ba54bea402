import type Docker from 'dockerode';
import {
  ContainerDetails,
  ContainerStats,
  ContainerStatus,
  CreateContainerRequest,
  PortBinding,
  PortProtocol,
} from '../container-runtime.port';

// Translation between the runtime port's shapes and the Docker Engine API's.

const ZERO_TIME = '0001-01-01T00:00:00Z';

function epochMs(time: string | undefined): number | undefined {
  if (!time || time === ZERO_TIME) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : ms;
}

export function toCreateOptions(request: CreateContainerRequest): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of request.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    // An empty HostPort makes dockerd pick a free one at start: no window for another process to take it.
    bindings[key] = [{ HostIp: port.hostIp ?? '', HostPort: port.hostPort ? String(port.hostPort) : '' }];
  }
  return {
    name: request.name,
    Image: request.image,
    Labels: request.labels,
    Env: request.env,
    Cmd: request.cmd && request.cmd.length > 0 ? request.cmd : undefined,
    User: request.user,
    ExposedPorts: exposed,
    HostConfig: {
      CpusetCpus: request.cpusetCpus,
      CpusetMems: request.cpusetMems,
      Memory: request.memoryBytes,
      PortBindings: bindings,
      Binds: request.binds.map((b) => `${b.hostPath}:${b.containerPath}:${b.readOnly ? 'ro' : 'rw'}`),
      Devices: request.devices.map((d) => ({
        PathOnHost: d.pathOnHost,
        PathInContainer: d.pathInContainer,
        CgroupPermissions: d.permissions,
      })),
      DeviceRequests: request.deviceRequests.map((d) => ({
        Driver: d.driver ?? '',
        Count: d.count ?? 0,
        DeviceIDs: d.deviceIds,
        Capabilities: d.capabilities,
        Options: d.options,
      })),
      Ulimits: request.maxOpenFiles
        ? [{ Name: 'nofile', Soft: request.maxOpenFiles, Hard: request.maxOpenFiles }]
        : undefined,
      LogConfig: request.logDriver
        ? { Type: request.logDriver.type, Config: request.logDriver.config }
        : undefined,
    },
  };
}

function toPorts(
  ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined,
): PortBinding[] {
  const result: PortBinding[] = [];
  for (const [key, hostBindings] of Object.entries(ports ?? {})) {
    const [port, protocol] = key.split('/');
    // Docker lists one binding per address family; one host port per container port is what callers need.
    const binding = hostBindings?.find((b) => b.HostPort);
    if (!binding) continue;
    result.push({
      containerPort: Number(port),
      protocol: (protocol ?? 'tcp') as PortProtocol,
      hostPort: Number(binding.HostPort),
    });
  }
  return result;
}

export function toDetails(info: Docker.ContainerInspectInfo): ContainerDetails {
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config.Image,
    labels: info.Config.Labels ?? {},
    env: info.Config.Env ?? [],
    cmd: (info.Config.Cmd as string[] | null) ?? [],
    user: info.Config.User ?? '',
    status: info.State.Status as ContainerStatus,
    running: info.State.Running,
    exitCode: info.State.ExitCode,
    startedAt: epochMs(info.State.StartedAt),
    finishedAt: epochMs(info.State.FinishedAt),
    ports: toPorts(info.NetworkSettings.Ports as Parameters<typeof toPorts>[0]),
    cpusetCpus: info.HostConfig.CpusetCpus ?? '',
    cpusetMems: info.HostConfig.CpusetMems ?? '',
    memoryBytes: info.HostConfig.Memory ?? 0,
  };
}

type Counter = Record<string, number | undefined>;

function sumOver(records: Record<string, Counter> | undefined, key: string): number {
  return Object.values(records ?? {}).reduce((sum, r) => sum + (r[key] ?? 0), 0);
}

function blockIo(stats: Docker.ContainerStats, op: string): number {
  const entries = (stats.blkio_stats?.io_service_bytes_recursive ?? []) as { op: string; value: number }[];
  return entries.filter((e) => e.op.toLowerCase() === op).reduce((sum, e) => sum + e.value, 0);
}

export function toStats(stats: Docker.ContainerStats): ContainerStats {
  const networks = stats.networks as unknown as Record<string, Counter> | undefined;
  return {
    cpuTotalUsageNanos: stats.cpu_stats?.cpu_usage?.total_usage ?? 0,
    systemCpuUsageNanos: stats.cpu_stats?.system_cpu_usage ?? 0,
    onlineCpus: stats.cpu_stats?.online_cpus ?? 0,
    throttledPeriods: stats.cpu_stats?.throttling_data?.throttled_periods ?? 0,
    memoryUsageBytes: stats.memory_stats?.usage ?? 0,
    memoryMaxUsageBytes: stats.memory_stats?.max_usage ?? 0,
    memoryLimitBytes: stats.memory_stats?.limit ?? 0,
    networkRxBytes: sumOver(networks, 'rx_bytes'),
    networkTxBytes: sumOver(networks, 'tx_bytes'),
    networkRxErrors: sumOver(networks, 'rx_errors'),
    networkTxErrors: sumOver(networks, 'tx_errors'),
    networkRxDropped: sumOver(networks, 'rx_dropped'),
    networkTxDropped: sumOver(networks, 'tx_dropped'),
    blockReadBytes: blockIo(stats, 'read'),
    blockWriteBytes: blockIo(stats, 'write'),
    pids: (stats as unknown as { pids_stats?: { current?: number } }).pids_stats?.current ?? 0,
  };
}
