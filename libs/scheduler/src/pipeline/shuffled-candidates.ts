import { ExecutorView } from '../cluster/executor-view';
import { NumaNodeView } from '../cluster/numa-node-view';
import { RandomSource } from '../random';
import { Candidate, CandidateStream } from './candidate';

export type Feasibility = (executor: ExecutorView) => NumaNodeView | string;

// A lazy Fisher-Yates shuffle of the executors: each call draws one not yet seen, so a placement that
// stops after k feasible candidates costs O(visited), not O(N). The array stays a permutation, so
// nothing needs resetting between placements.
export class ShuffledCandidates implements CandidateStream {
  private drawn = 0;
  readonly rejections = new Map<string, number>();

  constructor(
    private readonly executors: ExecutorView[],
    private readonly random: RandomSource,
    private readonly feasibility: Feasibility,
  ) {}

  next(): Candidate | undefined {
    const executors = this.executors;
    const size = executors.length;
    while (this.drawn < size) {
      const pick = this.drawn + this.random.nextInt(size - this.drawn);
      const executor = executors[pick];
      executors[pick] = executors[this.drawn];
      executors[this.drawn++] = executor;
      const result = this.feasibility(executor);
      if (typeof result !== 'string') return { executor, node: result };
      this.rejections.set(result, (this.rejections.get(result) ?? 0) + 1);
    }
    return undefined;
  }
}
