import { ExecutorView } from '../cluster/executor-view';
import { Candidate, NodePreference } from './candidate';
import { ResourceNeed } from './resource-need';

export interface Ranker {
  readonly name: string;
  readonly nodePreference: NodePreference;
  // Higher is better.
  score(candidate: Candidate, need: ResourceNeed): number;
}

// Nomad's fit score on the executor as it would be after placement: 20 - (10^freeCpu + 10^freeMemory),
// scaled to 0..1. Full executors score 1, empty ones 0.
export function fitScore(executor: ExecutorView, need: ResourceNeed): number {
  const freeCpu = executor.totalCpus === 0 ? 0 : (executor.freeCpus() - need.cpus) / executor.totalCpus;
  const freeMemory =
    executor.totalMemoryMB === 0 ? 0 : (executor.freeMemoryMB() - need.memoryMB) / executor.totalMemoryMB;
  return (20 - (10 ** freeCpu + 10 ** freeMemory)) / 18;
}

// Packs instances onto the fullest executors, keeping whole executors and NUMA nodes free for big instances.
export const binPackRanker: Ranker = {
  name: 'BIN_PACK',
  nodePreference: 'FULLEST',
  score: (candidate, need) => fitScore(candidate.executor, need),
};

// Spreads instances onto the emptiest executors (less noisy-neighbour contention, smaller blast radius).
export const spreadRanker: Ranker = {
  name: 'SPREAD',
  nodePreference: 'EMPTIEST',
  score: (candidate, need) => 1 - fitScore(candidate.executor, need),
};
