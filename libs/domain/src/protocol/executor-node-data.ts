import { TransportType, ExecutorState } from '../executor/executor-aggregate';
import { InstanceInfoJson, LocalServiceInstanceInfoJson } from '../instance/instance-info';
import { TaskInfoJson } from '../task/task-info';

// Map keys are NUMA node ids written as strings; memory is in MB.
export interface ExecutorResourceSnapshotJson {
  executorId: string;
  cpus: { type: 'CPU'; freeCores: Record<string, number[]>; usedCores: Record<string, number[]> };
  memory: { type: 'MEMORY'; freeMemory: Record<string, number>; usedMemory: Record<string, number> };
  layout: { cores: Record<string, number[]>; memory: Record<string, number> };
}

export interface ExecutorNodeDataJson {
  type: 'EXECUTOR';
  hostname: string;
  port: number;
  transportType: TransportType;
  updated: number;
  state: ExecutorResourceSnapshotJson;
  instances: InstanceInfoJson[];
  tasks: TaskInfoJson[];
  serviceInstances: LocalServiceInstanceInfoJson[];
  tags: string[];
  metadata: Record<string, string>;
  executorState: ExecutorState;
}

export interface ControllerNodeDataJson {
  type: 'CONTROLLER';
  hostname: string;
  port: number;
  transportType: TransportType;
  updated: number;
  leader: boolean;
}

export interface ExecutorAddressJson {
  executorId: string;
  hostname: string;
  port: number;
  transportType: TransportType;
}

// The executor's resource view as the scheduler reads it: free cores/memory per NUMA node.
export const freeCoreCount = (snapshot: ExecutorResourceSnapshotJson): number =>
  Object.values(snapshot.cpus.freeCores).reduce((sum, cores) => sum + cores.length, 0);

export const freeMemoryInMB = (snapshot: ExecutorResourceSnapshotJson): number =>
  Object.values(snapshot.memory.freeMemory).reduce((sum, mb) => sum + mb, 0);
