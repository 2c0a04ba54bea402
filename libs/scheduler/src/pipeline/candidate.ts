import { ExecutorView } from '../cluster/executor-view';
import { NumaNodeView } from '../cluster/numa-node-view';

// A feasible executor together with the NUMA node the instance would go to.
export interface Candidate {
  executor: ExecutorView;
  node: NumaNodeView;
}

// Feasible candidates in random order, produced on demand so a strategy pays only for what it looks at.
export interface CandidateStream {
  next(): Candidate | undefined;
}

export type NodePreference = 'FULLEST' | 'EMPTIEST';
