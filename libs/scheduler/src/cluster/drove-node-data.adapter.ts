import { ExecutorSnapshot, ExecutorState } from './executor-snapshot';

type PerNode<T> = Record<string, T>;

// The part of Drove's ExecutorNodeData (executor -> controller snapshot) the scheduler reads. Map keys are
// NUMA node ids. `layout.coreGroups` is ours: Drove publishes CPUs without their hyperthread siblings, so an
// executor that sends it lets the scheduler keep siblings together; without it every CPU is a group of one.
export interface DroveExecutorNodeData {
  hostname: string;
  state: {
    executorId: string;
    cpus: { freeCores: PerNode<number[]>; usedCores?: PerNode<number[]> };
    memory: { freeMemory: PerNode<number>; usedMemory?: PerNode<number> };
    layout: { cores: PerNode<number[]>; memory: PerNode<number>; coreGroups?: PerNode<number[][]> };
  };
  tags?: string[];
  metadata?: Record<string, string>;
  executorState?: ExecutorState;
}

export function snapshotFromDroveNodeData(data: DroveExecutorNodeData): ExecutorSnapshot {
  const { executorId, cpus, memory, layout } = data.state;
  return {
    executorId,
    hostname: data.hostname,
    // Drove omits the state of executors that predate it; they were schedulable.
    state: data.executorState ?? 'ACTIVE',
    tags: data.tags ?? [],
    metadata: data.metadata ?? {},
    nodes: Object.keys(layout.cores).map((key) => ({
      id: Number(key),
      coreGroups: layout.coreGroups?.[key] ?? layout.cores[key].map((cpu) => [cpu]),
      memoryMB: layout.memory[key] ?? 0,
      freeCpus: cpus.freeCores[key] ?? [],
      freeMemoryMB: memory.freeMemory[key] ?? 0,
    })),
  };
}
