import {
  ACTIVE_INSTANCE_STATES,
  ActivationState,
  InstanceAggregate,
  LocalServiceAggregate,
  LocalServiceState,
  cpuCount,
  memoryInMB,
} from '@drove/domain';

/** Drove's LocalServiceSummary (reference 1.7). */
export interface LocalServiceSummary {
  id: string;
  name: string;
  instancesPerHost: number;
  healthyInstances: number;
  totalCPUs: number;
  totalMemory: number;
  tags: Record<string, string>;
  activationState: ActivationState;
  state: LocalServiceState;
  created: number;
  updated: number;
}

/** Drove's LocalServiceInstanceResources: what the resource-using local services need on each executor. */
export interface LocalServiceInstanceResources {
  cpus: number;
  memory: number;
  requiredInstances: Record<string, number>;
}

/** Drove's states in which a service holds resources on the executors (counted as active in the cluster summary). */
export const RESOURCE_USING_SERVICE_STATES: readonly LocalServiceState[] = ['ACTIVE', 'CONFIG_TESTING'];

/** As Drove: totals are per-instance requirements times the service's instances in active states. */
export function localServiceSummary(
  service: LocalServiceAggregate,
  instances: readonly InstanceAggregate[],
): LocalServiceSummary {
  const spec = service.spec;
  if (!service.serviceId || !spec || !service.state)
    throw new Error('summary of a local service that was never created');
  const active = instances.filter((i) => ACTIVE_INSTANCE_STATES.includes(i.state ?? 'PENDING')).length;
  return {
    id: service.serviceId,
    name: spec.name,
    instancesPerHost: service.instancesPerHost,
    healthyInstances: instances.filter((i) => i.state === 'HEALTHY').length,
    totalCPUs: cpuCount(spec.resources) * active,
    totalMemory: memoryInMB(spec.resources) * active,
    tags: spec.tags ?? {},
    activationState: service.activationState,
    state: service.state,
    created: service.created ?? 0,
    updated: service.updated ?? 0,
  };
}
