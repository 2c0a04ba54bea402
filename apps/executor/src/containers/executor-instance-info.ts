import { InstanceIdentity, PortType, ResourceAllocation } from './container-spec';

// The executor-side record of an instance, kept in the `drove.instance.info` label (Drove's
// ExecutorInstanceInfo / ExecutorTaskInfo field names) so that a restarted executor can report it again.

export interface InstancePortInfo {
  containerPort: number;
  hostPort: number;
  portType: PortType;
}

export interface LocalInstanceInfo {
  hostname: string;
  ports: Record<string, InstancePortInfo>;
}

export type ResourceAllocationJson = [
  { type: 'CPU'; cores: Record<string, number[]> },
  { type: 'MEMORY'; memoryInMB: Record<string, number> },
];

export type ExecutorInstanceInfo = Omit<InstanceIdentity, 'jobType'> & {
  executorId: string;
  hostname: string;
  localInfo: LocalInstanceInfo;
  resources: ResourceAllocationJson;
  metadata: Record<string, string>;
  created: number;
  updated: number;
};

function stringKeys<T>(record: Record<number, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record));
}

export function allocationJson(resources: ResourceAllocation): ResourceAllocationJson {
  return [
    { type: 'CPU', cores: stringKeys(resources.cores) },
    { type: 'MEMORY', memoryInMB: stringKeys(resources.memoryInMB) },
  ];
}

export interface InstanceInfoInput {
  identity: InstanceIdentity;
  resources: ResourceAllocation;
  executorId: string;
  hostname: string;
  ports: Record<string, InstancePortInfo>;
  now: number;
}

export function executorInstanceInfo(input: InstanceInfoInput): ExecutorInstanceInfo {
  const { jobType: _jobType, ...identity } = input.identity;
  return {
    ...identity,
    executorId: input.executorId,
    hostname: input.hostname,
    localInfo: { hostname: input.hostname, ports: input.ports },
    resources: allocationJson(input.resources),
    metadata: {},
    created: input.now,
    updated: input.now,
  };
}
