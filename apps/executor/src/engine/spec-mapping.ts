import {
  ApplicationInstanceSpecDto,
  CheckModeSpecDto,
  CheckSpecDto,
  ConfigSpecDto,
  DeviceSpecDto,
  LocalServiceInstanceSpecDto,
  PreShutdownSpecDto,
  ResourceAllocationDto,
  TaskInstanceSpecDto,
} from '@drove/domain';
import { CheckMode, CheckSpec, PreShutdownSpec } from '../checks/check-spec';
import {
  ConfigSpec,
  ContainerSpec,
  DeviceSpec,
  InstanceIdentity,
  LoggingSpec,
  ResourceAllocation,
} from '../containers/container-spec';

// From the controller's instance spec DTOs (START_* messages) to the container layer's input shapes.

export class UnsupportedSpecError extends Error {}

function numericKeys<T>(record: Record<string, T>): Record<number, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [Number(k), v]));
}

export function allocationOf(resources: ResourceAllocationDto[]): ResourceAllocation {
  const allocation: ResourceAllocation = { cores: {}, memoryInMB: {} };
  for (const resource of resources) {
    if (resource.type === 'CPU') Object.assign(allocation.cores, numericKeys(resource.cores));
    else Object.assign(allocation.memoryInMB, numericKeys(resource.memoryInMB));
  }
  return allocation;
}

export function checkModeOf(mode: CheckModeSpecDto): CheckMode {
  if (mode.type === 'CMD') return { type: 'CMD', command: mode.command, shellDisabled: mode.shellDisabled };
  return {
    type: 'HTTP',
    protocol: mode.protocol,
    portName: mode.portName,
    path: mode.path,
    verb: mode.verb,
    successCodes: mode.successCodes,
    payload: mode.payload,
    connectionTimeoutMs: mode.connectionTimeout?.toMillis(),
    insecure: mode.insecure,
  };
}

export function checkSpecOf(spec: CheckSpecDto): CheckSpec {
  return {
    mode: checkModeOf(spec.mode),
    timeoutMs: spec.timeout.toMillis(),
    intervalMs: spec.interval.toMillis(),
    attempts: spec.attempts,
    initialDelayMs: spec.initialDelay?.toMillis(),
  };
}

export function preShutdownOf(spec: PreShutdownSpecDto | undefined): PreShutdownSpec | undefined {
  if (!spec) return undefined;
  return {
    hooks: (spec.hooks ?? []).map(checkModeOf),
    waitBeforeKillMs: spec.waitBeforeKill?.toMillis() ?? 0,
  };
}

function configOf(config: ConfigSpecDto): ConfigSpec {
  switch (config.type) {
    case 'INLINE':
      return { type: 'INLINE', localFilename: config.localFilename, data: config.data };
    case 'EXECUTOR_LOCAL_FILE':
      return config;
    case 'EXECUTOR_HTTP_FETCH':
      return {
        type: 'EXECUTOR_HTTP_FETCH',
        localFilename: config.localFilename,
        http: {
          ...config.http,
          connectionTimeoutMs: config.http.connectionTimeout?.toMillis(),
          operationTimeoutMs: config.http.operationTimeout?.toMillis(),
        },
      } as ConfigSpec;
    default:
      // The controller resolves CONTROLLER_HTTP_FETCH into INLINE before sending (Drove does the same).
      throw new UnsupportedSpecError(`Config type ${config.type} must be resolved by the controller`);
  }
}

function deviceOf(device: DeviceSpecDto): DeviceSpec {
  return { ...device } as DeviceSpec;
}

export type AnyInstanceSpecDto =
  ApplicationInstanceSpecDto | TaskInstanceSpecDto | LocalServiceInstanceSpecDto;

export function identityOf(spec: AnyInstanceSpecDto): InstanceIdentity {
  if ('taskId' in spec) {
    return {
      jobType: 'COMPUTATION',
      taskId: spec.taskId,
      sourceAppName: spec.sourceAppName,
      instanceId: spec.instanceId,
    };
  }
  if ('serviceId' in spec) {
    return {
      jobType: 'LOCAL_SERVICE',
      serviceId: spec.serviceId,
      serviceName: spec.serviceName,
      instanceId: spec.instanceId,
    };
  }
  return { jobType: 'SERVICE', appId: spec.appId, appName: spec.appName, instanceId: spec.instanceId };
}

export function containerSpecOf(spec: AnyInstanceSpecDto): ContainerSpec {
  const service = 'ports' in spec ? spec : undefined;
  return {
    identity: identityOf(spec),
    image: spec.executable.url,
    pullTimeoutMs: spec.executable.dockerPullTimeout.toMillis(),
    resources: allocationOf(spec.resources),
    ports: service?.ports.map((p) => ({ name: p.name, port: p.port, type: p.type })) ?? [],
    env: spec.env ?? {},
    volumes: spec.volumes ?? [],
    configs: (spec.configs ?? []).map(configOf),
    args: spec.args ?? [],
    devices: (spec.devices ?? []).map(deviceOf),
    user: spec.userSpec,
    logging: spec.loggingSpec as LoggingSpec | undefined,
    instanceAuthToken: service?.instanceAuthToken,
    hostLevel: 'hostLevelInstance' in spec ? spec.hostLevelInstance : undefined,
  };
}
