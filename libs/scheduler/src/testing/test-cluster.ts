import { ExecutorCapacity } from '@drove/topology';
import { ExecutorSnapshot, ExecutorState } from '../cluster/executor-snapshot';

export interface TestExecutor {
  id: string;
  nodes?: number;
  coresPerNode?: number;
  threadsPerCore?: number;
  memoryMB?: number;
  tags?: string[];
  state?: ExecutorState;
  metadata?: Record<string, string>;
  capacity?: ExecutorCapacity;
}

// An executor with nothing running, shaped like hwloc's synthetic "package:N [numa] core:C pu:T".
export function testExecutor(spec: TestExecutor): ExecutorSnapshot {
  const { nodes = 2, coresPerNode = 4, threadsPerCore = 2, memoryMB = 8192 } = spec;
  const capacity: ExecutorCapacity = spec.capacity ?? {
    nodes: Array.from({ length: nodes }, (_, node) => ({
      id: node,
      memoryMB,
      coreGroups: Array.from({ length: coresPerNode }, (_, core) =>
        Array.from({ length: threadsPerCore }, (_, t) => (node * coresPerNode + core) * threadsPerCore + t),
      ),
    })),
    physicalCpu: {},
  };
  return {
    executorId: spec.id,
    hostname: `${spec.id}.local`,
    state: spec.state ?? 'ACTIVE',
    tags: spec.tags ?? [],
    metadata: spec.metadata ?? {},
    nodes: capacity.nodes.map((node) => ({
      ...node,
      freeCpus: node.coreGroups.flat(),
      freeMemoryMB: node.memoryMB,
    })),
  };
}

export const cpu = (count: number) => ({ type: 'CPU' as const, count });
export const memory = (sizeInMB: number) => ({ type: 'MEMORY' as const, sizeInMB });
export const needs = (cpus: number, memoryMB = 256) => [cpu(cpus), memory(memoryMB)];
