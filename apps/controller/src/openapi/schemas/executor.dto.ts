import {
  ExecutorNodeDataJson,
  ExecutorResourceSnapshotJson,
  ExecutorState,
  TransportType,
} from '@drove/domain';
import { ExecutorSummary } from '../../executors/executor-summary';
import { KnownInstancesData } from '../../executors/known-instances';
import { InstanceInfoDto, LocalServiceInstanceInfoDto } from './instance-info.dto';
import { TaskInfoDto } from './task-info.dto';

/** Drove's ExecutorSummary: core counts and memory in MB summed over NUMA nodes. */
export class ExecutorSummaryDto implements ExecutorSummary {
  executorId!: string;
  hostname!: string;
  port!: number;
  transportType!: TransportType;
  freeCores!: number;
  usedCores!: number;
  freeMemory!: number;
  usedMemory!: number;
  tags!: string[];
  state!: ExecutorState;
}

export class CpuSnapshotDto {
  type!: 'CPU';
  /** Free core ids per NUMA node. */
  freeCores!: Record<string, number[]>;
  /** Used core ids per NUMA node. */
  usedCores!: Record<string, number[]>;
}

export class MemorySnapshotDto {
  type!: 'MEMORY';
  /** Free MB per NUMA node. */
  freeMemory!: Record<string, number>;
  /** Used MB per NUMA node. */
  usedMemory!: Record<string, number>;
}

export class ResourceLayoutDto {
  /** Core ids per NUMA node. */
  cores!: Record<string, number[]>;
  /** MB per NUMA node. */
  memory!: Record<string, number>;
}

/** Free and used resources per NUMA node (map keys are node ids). */
export class ExecutorResourceSnapshotDto implements ExecutorResourceSnapshotJson {
  executorId!: string;
  cpus!: CpuSnapshotDto;
  memory!: MemorySnapshotDto;
  layout!: ResourceLayoutDto;
}

/** Drove's ExecutorNodeData: what the executor last reported of itself and what runs on it. */
export class ExecutorNodeDataDto implements ExecutorNodeDataJson {
  type!: 'EXECUTOR';
  hostname!: string;
  port!: number;
  transportType!: TransportType;
  /** Epoch ms. */
  updated!: number;
  state!: ExecutorResourceSnapshotDto;
  instances!: InstanceInfoDto[];
  tasks!: TaskInfoDto[];
  serviceInstances!: LocalServiceInstanceInfoDto[];
  tags!: string[];
  metadata!: Record<string, string>;
  executorState!: ExecutorState;
}

/** Drove's KnownInstancesData: ids an executor runs that the log still wants, and the stale ones to kill. */
export class KnownInstancesDataDto implements KnownInstancesData {
  appInstanceIds!: string[];
  staleAppInstanceIds!: string[];
  taskInstanceIds!: string[];
  staleTaskInstanceIds!: string[];
  localServiceInstanceIds!: string[];
  staleLocalServiceInstanceIds!: string[];
}
