import { ClusterState } from '@drove/domain';
import { ClusterStateData } from '../../cluster/cluster-maintenance.controller';
import { ClusterSummary } from '../../cluster/cluster-summary';

/** Drove's ClusterSummary; resources summed over ACTIVE executors, memory in MB. */
export class ClusterSummaryDto implements ClusterSummary {
  /** `host:port` of the leader, or `Leader election underway`. */
  leader!: string;
  state!: ClusterState;
  numExecutors!: number;
  numApplications!: number;
  numActiveApplications!: number;
  numActiveTasks!: number;
  numLocalServices!: number;
  numActiveLocalServices!: number;
  freeCores!: number;
  usedCores!: number;
  totalCores!: number;
  freeMemory!: number;
  usedMemory!: number;
  totalMemory!: number;
}

/** Drove's ClusterStateData. */
export class ClusterStateDataDto implements ClusterStateData {
  state!: ClusterState;
  /** Epoch ms of the last change. */
  updated?: number;
}
