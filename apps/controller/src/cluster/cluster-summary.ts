import {
  ACTIVE_APP_STATES,
  ApplicationAggregate,
  ClusterState,
  ExecutorNodeDataJson,
  LocalServiceAggregate,
} from '@drove/domain';
import { executorSummary } from '../executors/executor-summary';
import { RESOURCE_USING_SERVICE_STATES } from '../local-services/local-service-summary';

/** Drove's ClusterSummary (reference 1.5); resources summed over ACTIVE executors, memory in MB. */
export interface ClusterSummary {
  leader: string;
  state: ClusterState;
  numExecutors: number;
  numApplications: number;
  numActiveApplications: number;
  numActiveTasks: number;
  numLocalServices: number;
  numActiveLocalServices: number;
  freeCores: number;
  usedCores: number;
  totalCores: number;
  freeMemory: number;
  usedMemory: number;
  totalMemory: number;
}

export const ELECTION_UNDERWAY = 'Leader election underway';

export interface ClusterFacts {
  /** `scheme://host:port` of the leader, or null during an election. */
  leaderBaseUrl: string | null;
  state: ClusterState;
  executors: readonly ExecutorNodeDataJson[];
  apps: readonly ApplicationAggregate[];
  /** Tasks in Drove's ACTIVE_STATES. */
  activeTasks?: number;
  services?: readonly LocalServiceAggregate[];
}

/** Drove shows the leader as `host:port`, without the scheme. */
const hostPort = (baseUrl: string | null): string =>
  baseUrl === null ? ELECTION_UNDERWAY : baseUrl.replace(/^[a-z]+:\/\//i, '');

export function clusterSummary({
  leaderBaseUrl,
  state,
  executors,
  apps,
  activeTasks = 0,
  services = [],
}: ClusterFacts): ClusterSummary {
  const active = executors
    .map((data) => executorSummary(data))
    .filter((executor) => executor.state === 'ACTIVE');
  const total = (pick: (e: (typeof active)[number]) => number): number =>
    active.reduce((sum, e) => sum + pick(e), 0);
  const freeCores = total((e) => e.freeCores);
  const usedCores = total((e) => e.usedCores);
  const freeMemory = total((e) => e.freeMemory);
  const usedMemory = total((e) => e.usedMemory);
  return {
    leader: hostPort(leaderBaseUrl),
    state,
    numExecutors: active.length,
    numApplications: apps.length,
    numActiveApplications: apps.filter((a) => a.state !== undefined && ACTIVE_APP_STATES.includes(a.state))
      .length,
    numActiveTasks: activeTasks,
    numLocalServices: services.length,
    numActiveLocalServices: services.filter(
      (s) => s.state !== undefined && RESOURCE_USING_SERVICE_STATES.includes(s.state),
    ).length,
    freeCores,
    usedCores,
    totalCores: freeCores + usedCores,
    freeMemory,
    usedMemory,
    totalMemory: freeMemory + usedMemory,
  };
}
