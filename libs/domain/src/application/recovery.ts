import { ACTIVE_INSTANCE_STATES, InstanceState } from '../instance/instance-state';
import { ApplicationAggregate } from './application-state';

// Drove's ApplicationMonitor, as pure decisions for the recovery saga.

// An instance whose record has not been refreshed for this long is lost (executors refresh every 20 s).
export const STALE_INSTANCE_AGE_MS = 60_000;

export const staleInstanceIds = (
  instances: readonly { instanceId: string; state: InstanceState; updated: number }[],
  now: number,
  maxAgeMs = STALE_INSTANCE_AGE_MS,
): string[] =>
  instances
    .filter((i) => ACTIVE_INSTANCE_STATES.includes(i.state) && now - i.updated > maxAgeMs)
    .map((i) => i.instanceId);

// A resting app whose healthy count is not the expected one gets a RECOVER (only RUNNING and MONITORING apps
// are watched; an app in an operation is being worked on already).
export const shouldRecover = (app: ApplicationAggregate, healthyInstances: number): boolean =>
  (app.state === 'RUNNING' || app.state === 'MONITORING') && healthyInstances !== app.instances;
