import { InstanceState } from '../instance/instance-state';

export interface InstanceSummary {
  instanceId: string;
  state: InstanceState;
  created: number;
}

// Instances that count toward the expected number: started or on their way to being healthy.
export const COUNTED_INSTANCE_STATES: readonly InstanceState[] = [
  'PENDING',
  'PROVISIONING',
  'STARTING',
  'UNREADY',
  'READY',
  'HEALTHY',
];

// What the scaling saga does for a required count: start the shortfall, or stop the surplus oldest first
// (Drove picks a random subset), ties broken by id so the choice is reproducible.
export const planScale = (
  requiredInstances: number,
  instances: readonly InstanceSummary[],
): { toStart: number; toStop: string[] } => {
  const counted = instances
    .filter((i) => COUNTED_INSTANCE_STATES.includes(i.state))
    .sort((a, b) => a.created - b.created || a.instanceId.localeCompare(b.instanceId));
  if (counted.length <= requiredInstances) return { toStart: requiredInstances - counted.length, toStop: [] };
  return {
    toStart: 0,
    toStop: counted.slice(0, counted.length - requiredInstances).map((i) => i.instanceId),
  };
};
