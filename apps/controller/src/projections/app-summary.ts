import { ApplicationAggregate, ApplicationState, cpuCount, memoryInMB } from '@drove/domain';

/** Drove's AppSummary (reference 1.3). */
export interface AppSummary {
  id: string;
  name: string;
  requiredInstances: number;
  healthyInstances: number;
  totalCPUs: number;
  totalMemory: number;
  tags: Record<string, string>;
  state: ApplicationState;
  created: number;
  updated: number;
}

/** `healthyInstances`: the app's HEALTHY instances in the cluster view. */
export function appSummary(app: ApplicationAggregate, healthyInstances = 0): AppSummary {
  const spec = app.spec;
  if (!app.appId || !spec || !app.state)
    throw new Error('app summary of an application that was never created');
  return {
    id: app.appId,
    name: spec.name,
    requiredInstances: app.instances,
    healthyInstances,
    totalCPUs: cpuCount(spec.resources) * app.instances,
    totalMemory: memoryInMB(spec.resources) * app.instances,
    tags: spec.tags ?? {},
    state: app.state,
    created: app.created ?? 0,
    updated: app.updated ?? 0,
  };
}
