export const CLUSTER_STATES = ['NORMAL', 'MAINTENANCE'] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

export interface ClusterAggregate {
  state: ClusterState;
  // when the state last changed (Drove's ClusterStateData.updated); undefined until first set
  updated?: number;
  leader?: string;
}

export const initialClusterState: ClusterAggregate = { state: 'NORMAL' };

export const CLUSTER_STREAM = 'cluster';

// Drove's grace after any cluster-state change: 2 x the executor refresh interval (20 s).
export const MAINTENANCE_GRACE_MS = 40_000;

// Drove treats the cluster as "in maintenance window" while in MAINTENANCE and for 40 s after any change
// (operations are refused, monitors pause, endpoints skip the staleness filter).
export const isInMaintenanceWindow = (
  s: ClusterAggregate,
  now: number,
  graceMs = MAINTENANCE_GRACE_MS,
): boolean => s.state === 'MAINTENANCE' || (s.updated !== undefined && now < s.updated + graceMs);

export const MAINTENANCE_MESSAGE = 'Cluster is in maintenance mode';
