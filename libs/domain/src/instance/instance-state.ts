// Drove's InstanceState, shared by application and local-service instances, and the executor-side transitions.

export const INSTANCE_STATES = [
  'PENDING',
  'PROVISIONING',
  'PROVISIONING_FAILED',
  'STARTING',
  'START_FAILED',
  'UNREADY',
  'READINESS_CHECK_FAILED',
  'READY',
  'HEALTHY',
  'UNHEALTHY',
  'DEPROVISIONING',
  'STOPPING',
  'STOPPED',
  'LOST',
  'UNKNOWN',
] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export const TERMINAL_INSTANCE_STATES: readonly InstanceState[] = ['STOPPED', 'LOST'];
export const ERROR_INSTANCE_STATES: readonly InstanceState[] = [
  'PROVISIONING_FAILED',
  'START_FAILED',
  'READINESS_CHECK_FAILED',
];
export const ACTIVE_INSTANCE_STATES: readonly InstanceState[] = [
  'PENDING',
  'PROVISIONING',
  'STARTING',
  'UNREADY',
  'READY',
  'HEALTHY',
  'UNHEALTHY',
  'DEPROVISIONING',
  'STOPPING',
];
export const RUNNING_INSTANCE_STATES: readonly InstanceState[] = ['UNREADY', 'READY', 'HEALTHY'];

// The executor's state machine (Drove section 3.2). Any state may also go to LOST on an engine failure.
export const INSTANCE_TRANSITIONS: Record<InstanceState, readonly InstanceState[]> = {
  PENDING: ['PROVISIONING', 'STOPPING'],
  PROVISIONING: ['STARTING', 'PROVISIONING_FAILED'],
  STARTING: ['UNREADY', 'START_FAILED'],
  UNKNOWN: ['UNREADY', 'STOPPED'],
  UNREADY: ['READY', 'READINESS_CHECK_FAILED', 'STOPPING'],
  READY: ['HEALTHY', 'STOPPING'],
  HEALTHY: ['UNHEALTHY', 'STOPPING'],
  STOPPING: ['DEPROVISIONING'],
  UNHEALTHY: ['DEPROVISIONING'],
  READINESS_CHECK_FAILED: ['DEPROVISIONING'],
  PROVISIONING_FAILED: ['DEPROVISIONING'],
  START_FAILED: ['DEPROVISIONING'],
  DEPROVISIONING: ['STOPPED'],
  STOPPED: [],
  LOST: [],
};

export const canTransitionInstance = (from: InstanceState, to: InstanceState): boolean =>
  INSTANCE_TRANSITIONS[from].includes(to) || (to === 'LOST' && !TERMINAL_INSTANCE_STATES.includes(from));

// A STOP_INSTANCE message is accepted only while the instance runs.
export const canStopInstance = (state: InstanceState): boolean => RUNNING_INSTANCE_STATES.includes(state);
