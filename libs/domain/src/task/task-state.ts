// Drove's TaskState and the executor-side transitions (section 3.3).

export const TASK_STATES = [
  'PENDING',
  'PROVISIONING',
  'PROVISIONING_FAILED',
  'STARTING',
  'RUNNING',
  'RUN_COMPLETED',
  'RUN_FAILED',
  'DEPROVISIONING',
  'STOPPED',
  'LOST',
  'UNKNOWN',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_TASK_STATES: readonly TaskState[] = ['STOPPED', 'LOST'];
export const ACTIVE_TASK_STATES: readonly TaskState[] = [
  'PENDING',
  'PROVISIONING',
  'STARTING',
  'RUNNING',
  'RUN_COMPLETED',
  'DEPROVISIONING',
];

export const TASK_TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  PENDING: ['PROVISIONING', 'STOPPED'],
  PROVISIONING: ['STARTING', 'PROVISIONING_FAILED'],
  STARTING: ['RUNNING', 'RUN_FAILED', 'RUN_COMPLETED'],
  RUNNING: ['RUN_COMPLETED'],
  RUN_COMPLETED: ['DEPROVISIONING'],
  RUN_FAILED: ['DEPROVISIONING'],
  PROVISIONING_FAILED: ['DEPROVISIONING'],
  DEPROVISIONING: ['STOPPED'],
  UNKNOWN: ['RUNNING', 'STOPPED'],
  STOPPED: [],
  LOST: [],
};

export const canTransitionTask = (from: TaskState, to: TaskState): boolean =>
  TASK_TRANSITIONS[from].includes(to) || (to === 'LOST' && !TERMINAL_TASK_STATES.includes(from));

// A STOP_TASK message is accepted only while the task runs.
export const canStopTask = (state: TaskState): boolean => state === 'RUNNING';

export const TASK_RESULT_STATUSES = ['SUCCESSFUL', 'TIMED_OUT', 'CANCELLED', 'FAILED', 'LOST'] as const;
export type TaskResultStatus = (typeof TASK_RESULT_STATUSES)[number];
