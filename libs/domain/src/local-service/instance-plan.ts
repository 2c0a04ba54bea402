import { COUNTED_INSTANCE_STATES, InstanceSummary } from '../application/scale-plan';
import { ActivationState } from './local-service-state';

export interface ExecutorSummaryForPlan {
  executorId: string;
  // blacklisted or blacklisting executors run no local-service instances
  schedulable: boolean;
}

const byAge = <T extends InstanceSummary>(instances: readonly T[]): T[] =>
  instances
    .filter((i) => COUNTED_INSTANCE_STATES.includes(i.state))
    .sort((a, b) => a.created - b.created || a.instanceId.localeCompare(b.instanceId));

// Drove's LocalServiceMonitor as a pure plan: while ACTIVE, `instancesPerHost` instances on every schedulable
// executor; while CONFIG_TESTING, a single test instance in the cluster; while INACTIVE, none. Surplus instances
// are stopped oldest first, and every instance on an unschedulable executor is stopped.
export const planLocalServiceInstances = (
  activation: ActivationState,
  instancesPerHost: number,
  executors: readonly ExecutorSummaryForPlan[],
  instances: readonly (InstanceSummary & { executorId: string })[],
): { toStart: { executorId: string; count: number }[]; toStop: string[] } => {
  const schedulable = executors
    .filter((e) => e.schedulable)
    .map((e) => e.executorId)
    .sort();
  const counted = byAge(instances);
  const toStop = counted.filter((i) => !schedulable.includes(i.executorId)).map((i) => i.instanceId);
  const placed = counted.filter((i) => schedulable.includes(i.executorId));
  if (activation !== 'ACTIVE') {
    const wanted = activation === 'CONFIG_TESTING' ? 1 : 0;
    const surplus = placed.slice(0, Math.max(0, placed.length - wanted)).map((i) => i.instanceId);
    const start =
      placed.length < wanted && schedulable.length > 0 ? [{ executorId: schedulable[0], count: 1 }] : [];
    return { toStart: start, toStop: [...toStop, ...surplus] };
  }
  const toStart: { executorId: string; count: number }[] = [];
  for (const executorId of schedulable) {
    const here = placed.filter((i) => i.executorId === executorId);
    if (here.length < instancesPerHost) toStart.push({ executorId, count: instancesPerHost - here.length });
    toStop.push(...here.slice(0, Math.max(0, here.length - instancesPerHost)).map((i) => i.instanceId));
  }
  return { toStart, toStop };
};
