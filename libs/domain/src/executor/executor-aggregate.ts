export const EXECUTOR_STATES = [
  'ACTIVE',
  'BLACKLIST_REQUESTED',
  'BLACKLISTED',
  'UNREADY',
  'REMOVED',
] as const;
export type ExecutorState = (typeof EXECUTOR_STATES)[number];

export const TRANSPORT_TYPES = ['HTTP', 'HTTPS'] as const;
export type TransportType = (typeof TRANSPORT_TYPES)[number];

// Blacklisting is the controller's decision and is kept apart from what the executor last reported, so that it
// survives an executor restart (which reports UNREADY): the controller can re-send BLACKLIST until it sticks.
export type BlacklistStatus = 'NONE' | 'REQUESTED' | 'BLACKLISTED';

export interface ExecutorAggregate {
  executorId?: string;
  hostname?: string;
  port?: number;
  transportType?: TransportType;
  tags: string[];
  reportedState?: ExecutorState;
  blacklist: BlacklistStatus;
  removed: boolean;
  updated?: number;
}

export const initialExecutorState: ExecutorAggregate = { tags: [], blacklist: 'NONE', removed: false };

export const executorStream = (executorId: string): string => `executor-${executorId}`;

export const executorKnown = (s: ExecutorAggregate): boolean => s.executorId !== undefined && !s.removed;

// The state the rest of the cluster (scheduler, API) should see.
export const effectiveExecutorState = (s: ExecutorAggregate): ExecutorState | undefined => {
  if (s.removed) return 'REMOVED';
  if (s.blacklist === 'BLACKLISTED') return 'BLACKLISTED';
  if (s.blacklist === 'REQUESTED') return 'BLACKLIST_REQUESTED';
  return s.reportedState;
};
