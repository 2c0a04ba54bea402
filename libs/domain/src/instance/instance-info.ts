import { InstanceState } from './instance-state';

// Drove's runtime records as they travel in executor reports and API responses (section 2.10).

export interface PortMappingJson {
  containerPort: number;
  hostPort: number;
  portType: string;
}

export interface LocalInstanceInfoJson {
  hostname: string;
  ports: Record<string, PortMappingJson>;
}

// Allocated resources: core ids and memory per NUMA node (map keys are NUMA node ids as strings).
export type ResourceAllocationJson =
  { type: 'CPU'; cores: Record<string, number[]> } | { type: 'MEMORY'; memoryInMB: Record<string, number> };

interface InstanceInfoCommon {
  instanceId: string;
  executorId: string;
  localInfo?: LocalInstanceInfoJson;
  resources: ResourceAllocationJson[];
  state: InstanceState;
  metadata: Record<string, string>;
  errorMessage: string;
  created: number;
  updated: number;
}

export interface InstanceInfoJson extends InstanceInfoCommon {
  appId: string;
  appName: string;
}

export interface LocalServiceInstanceInfoJson extends InstanceInfoCommon {
  serviceId: string;
  serviceName: string;
}

export type AnyInstanceInfoJson = InstanceInfoJson | LocalServiceInstanceInfoJson;

export const isLocalServiceInstance = (info: AnyInstanceInfoJson): info is LocalServiceInstanceInfoJson =>
  'serviceId' in info;

export const ownerIdOf = (info: AnyInstanceInfoJson): string =>
  isLocalServiceInstance(info) ? info.serviceId : info.appId;

// `name:hostPort:type` joined by `,`, type lower-case, as Drove's events print ports.
export const formatHostPorts = (localInfo: LocalInstanceInfoJson | undefined): string | undefined =>
  localInfo
    ? Object.entries(localInfo.ports)
        .map(([name, p]) => `${name}:${p.hostPort}:${p.portType.toLowerCase()}`)
        .join(',')
    : undefined;
