import { ExecutorNodeDataJson, ExecutorState } from '@drove/domain';

/** Drove's ExecutorSummary (reference 1.3): core counts and memory in MB summed over NUMA nodes. */
export interface ExecutorSummary {
  executorId: string;
  hostname: string;
  port: number;
  transportType: string;
  freeCores: number;
  usedCores: number;
  freeMemory: number;
  usedMemory: number;
  tags: string[];
  state: ExecutorState;
}

const sumLengths = (perNode: Record<string, number[]> | undefined): number =>
  Object.values(perNode ?? {}).reduce((sum, cores) => sum + cores.length, 0);

const sum = (perNode: Record<string, number> | undefined): number =>
  Object.values(perNode ?? {}).reduce((total, mb) => total + mb, 0);

export function executorSummary(data: ExecutorNodeDataJson, state?: ExecutorState): ExecutorSummary {
  const { cpus, memory } = data.state;
  return {
    executorId: data.state.executorId,
    hostname: data.hostname,
    port: data.port,
    transportType: data.transportType,
    freeCores: sumLengths(cpus.freeCores),
    usedCores: sumLengths(cpus.usedCores),
    freeMemory: sum(memory.freeMemory),
    usedMemory: sum(memory.usedMemory),
    tags: [...new Set([...(data.tags ?? []), data.hostname])],
    state: state ?? data.executorState ?? 'ACTIVE',
  };
}

/** Live executors, then those removed within the registry's retention as REMOVED (Drove's executor list). */
export const listedExecutors = (
  live: readonly ExecutorNodeDataJson[],
  removed: readonly ExecutorNodeDataJson[],
): ExecutorSummary[] => [
  ...live.map((data) => executorSummary(data)),
  ...removed.map((data) => executorSummary(data, 'REMOVED')),
];
