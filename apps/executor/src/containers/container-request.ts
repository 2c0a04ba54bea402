import {
  CreateContainerRequest,
  DeviceMapping,
  DeviceRequest,
  LogDriver,
} from '../runtime/container-runtime.port';
import { ContainerSpec, DevicePermissions, DeviceSpec, LoggingSpec, UserSpec } from './container-spec';

// cgroup and host settings of a Drove container (DockerUtils#createContainer in drove-executor).

export interface HostSettings {
  // false: NUMA pinning off, cores of all nodes merged and no CpusetMems.
  numaPinning: boolean;
  maxOpenFiles: number;
  enableNvidiaGpu: boolean;
  logBufferSizeMB: number;
  cacheFileSizeMB: number;
  cacheFileCount: number;
  // Drove's defaultUserSpec: the user of containers whose spec names none.
  defaultUser?: UserSpec;
  // A synthetic topology's CPU and memory node ids stand for these host ones in cpusets (id i -> list[i mod n]):
  // Docker refuses ids the host lacks, so a small machine can still pin containers of a larger topology.
  hostCpuset?: HostCpuset;
}

export interface HostCpuset {
  cpus: number[];
  memoryNodes: number[];
}

export const DEFAULT_HOST_SETTINGS: HostSettings = {
  numaPinning: true,
  maxOpenFiles: 470000,
  enableNvidiaGpu: false,
  logBufferSizeMB: 10,
  cacheFileSizeMB: 20,
  cacheFileCount: 3,
};

export const DEFAULT_LOGGING: LoggingSpec = { type: 'LOCAL', maxSize: '10m', maxFiles: 3, compress: true };

const PERMISSIONS: Record<DevicePermissions, string> = {
  READ_ONLY: 'r',
  WRITE_ONLY: 'w',
  MKNOD_ONLY: 'm',
  READ_WRITE: 'rw',
  ALL: 'rwm',
};

function numaNodes(spec: ContainerSpec): number[] {
  return Object.keys(spec.resources.cores).map(Number);
}

function allocatedCpus(spec: ContainerSpec): number[] {
  return Object.values(spec.resources.cores).flat();
}

/** Ids as a cpuset list, each through `onto` when given (duplicates the mapping makes are dropped). */
export function cpusetOf(ids: number[], onto?: number[]): string {
  const mapped = onto && onto.length > 0 ? ids.map((id) => onto[id % onto.length]) : ids;
  return [...new Set(mapped)].sort((a, b) => a - b).join(',');
}

export function memoryBytes(spec: ContainerSpec): number {
  return Object.values(spec.resources.memoryInMB).reduce((sum, mb) => sum + mb, 0) * 1024 * 1024;
}

function devicesOf(devices: DeviceSpec[]): { direct: DeviceMapping[]; requests: DeviceRequest[] } {
  const direct: DeviceMapping[] = [];
  const requests: DeviceRequest[] = [];
  for (const device of devices) {
    if (device.type === 'DIRECT') {
      direct.push({
        pathOnHost: device.pathOnHost,
        pathInContainer: device.pathInContainer ?? device.pathOnHost,
        permissions: PERMISSIONS[device.permissions ?? 'ALL'],
      });
    } else {
      const { type: _type, ...request } = device;
      requests.push(request);
    }
  }
  return { direct, requests };
}

export function logDriver(logging: LoggingSpec, instanceId: string, host: HostSettings): LogDriver {
  const common = { mode: 'non-blocking', 'max-buffer-size': `${host.logBufferSizeMB}m` };
  if (logging.type === 'LOCAL') {
    return {
      type: 'json-file',
      config: {
        ...common,
        'max-size': logging.maxSize,
        'max-file': String(logging.maxFiles),
        compress: String(logging.compress),
      },
    };
  }
  // Docker's dual-logging cache keeps `docker logs` (and so our output.log) working with a remote driver.
  return {
    type: 'syslog',
    config: {
      ...common,
      'syslog-address': logging.server,
      tag: `${logging.tagPrefix ?? ''}${instanceId}${logging.tagSuffix ?? ''}`,
      'syslog-facility': 'daemon',
      'cache-disabled': 'false',
      'cache-max-size': `${host.cacheFileSizeMB}m`,
      'cache-max-file': String(host.cacheFileCount),
      'cache-compress': 'true',
    },
  };
}

function userOf(user: UserSpec | undefined): string | undefined {
  return user ? [user.user, user.group].filter(Boolean).join(':') : undefined;
}

export interface RequestInput {
  name: string;
  labels: Record<string, string>;
  env: string[];
  // Host port per container port; a missing entry lets the engine choose.
  hostPorts: Record<number, number>;
}

export function containerRequest(
  spec: ContainerSpec,
  input: RequestInput,
  host: HostSettings,
): CreateContainerRequest {
  const { direct, requests } = devicesOf(spec.devices);
  if (host.enableNvidiaGpu) requests.push({ driver: 'nvidia', count: -1, capabilities: [['gpu']] });
  return {
    name: input.name,
    image: spec.image,
    labels: input.labels,
    env: input.env,
    cmd: spec.args.length > 0 ? spec.args : undefined,
    user: userOf(spec.user ?? host.defaultUser),
    cpusetCpus: cpusetOf(allocatedCpus(spec), host.hostCpuset?.cpus),
    cpusetMems: host.numaPinning ? cpusetOf(numaNodes(spec), host.hostCpuset?.memoryNodes) : undefined,
    memoryBytes: memoryBytes(spec),
    ports: spec.ports.map((p) => ({
      containerPort: p.port,
      protocol: p.type === 'UDP' ? 'udp' : 'tcp',
      hostPort: input.hostPorts[p.port],
    })),
    binds: spec.volumes.map((v) => ({
      hostPath: v.pathOnHost,
      containerPath: v.pathInContainer,
      readOnly: v.mode === 'READ_ONLY',
    })),
    devices: direct,
    deviceRequests: requests,
    maxOpenFiles: host.maxOpenFiles,
    logDriver: logDriver(spec.logging ?? DEFAULT_LOGGING, spec.identity.instanceId, host),
  };
}
