import { ApplicationSpecJson, LocalServiceSpecJson, PortSpecJson, TaskSpecJson } from '../common/wire-types';
import { ResourceAllocationJson } from '../instance/instance-info';

// What START_* messages carry: the deployable spec, resolved for one instance on one executor (section 5.4).
// Note Drove's renames: `exposedPorts` -> `ports`, `logging` -> `loggingSpec`.

interface InstanceSpecCommon {
  instanceId: string;
  executable: ApplicationSpecJson['executable'];
  resources: ResourceAllocationJson[];
  volumes?: unknown[];
  configs?: unknown[];
  loggingSpec?: unknown;
  env?: Record<string, string>;
  args?: string[];
  devices?: unknown[];
  userSpec?: unknown;
}

export interface ApplicationInstanceSpecJson extends InstanceSpecCommon {
  appId: string;
  appName: string;
  ports: PortSpecJson[];
  healthcheck: unknown;
  readiness: unknown;
  preShutdown?: unknown;
  instanceAuthToken?: string;
}

export interface TaskInstanceSpecJson extends InstanceSpecCommon {
  taskId: string;
  sourceAppName: string;
}

export interface LocalServiceInstanceSpecJson extends InstanceSpecCommon {
  serviceId: string;
  serviceName: string;
  ports: PortSpecJson[];
  hostLevelInstance: boolean;
  healthcheck: unknown;
  readiness: unknown;
  preShutdown?: unknown;
  instanceAuthToken?: string;
}

const commonOf = (
  spec: ApplicationSpecJson | TaskSpecJson | LocalServiceSpecJson,
  instanceId: string,
  resources: ResourceAllocationJson[],
): InstanceSpecCommon => {
  const common: InstanceSpecCommon = { instanceId, executable: spec.executable, resources };
  const optional = {
    volumes: spec.volumes,
    configs: spec.configs,
    loggingSpec: spec.logging,
    env: spec.env,
    args: spec.args,
    devices: spec.devices,
    userSpec: spec.userSpec,
  } as Partial<InstanceSpecCommon>;
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== null) (common as unknown as Record<string, unknown>)[key] = value;
  }
  return common;
};

export interface InstancePlacement {
  instanceId: string;
  resources: ResourceAllocationJson[];
  instanceAuthToken?: string;
}

// What application and local-service instances carry beyond a task: ports, checks, hooks and the JWT.
const serviceParts = (spec: ApplicationSpecJson | LocalServiceSpecJson, placement: InstancePlacement) => ({
  ports: spec.exposedPorts,
  healthcheck: spec.healthcheck,
  readiness: spec.readiness,
  ...(spec.preShutdown ? { preShutdown: spec.preShutdown } : {}),
  ...(placement.instanceAuthToken ? { instanceAuthToken: placement.instanceAuthToken } : {}),
});

export const applicationInstanceSpec = (
  appId: string,
  spec: ApplicationSpecJson,
  placement: InstancePlacement,
): ApplicationInstanceSpecJson => ({
  appId,
  appName: spec.name,
  ...commonOf(spec, placement.instanceId, placement.resources),
  ...serviceParts(spec, placement),
});

export const taskInstanceSpec = (spec: TaskSpecJson, placement: InstancePlacement): TaskInstanceSpecJson => ({
  taskId: spec.taskId,
  sourceAppName: spec.sourceAppName,
  ...commonOf(spec, placement.instanceId, placement.resources),
});

export const localServiceInstanceSpec = (
  serviceId: string,
  spec: LocalServiceSpecJson,
  placement: InstancePlacement & { hostLevelInstance: boolean },
): LocalServiceInstanceSpecJson => ({
  serviceId,
  serviceName: spec.name,
  ...commonOf(spec, placement.instanceId, placement.resources),
  ...serviceParts(spec, placement),
  hostLevelInstance: placement.hostLevelInstance,
});
