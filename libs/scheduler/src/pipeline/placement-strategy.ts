import { Candidate, CandidateStream, NodePreference } from './candidate';
import { Ranker } from './ranker';
import { ResourceNeed } from './resource-need';

// How to pick one of the feasible candidates. The scheduler owns feasibility and the random order; a strategy
// decides how many candidates to look at and which one wins.
export interface PlacementStrategy {
  readonly name: string;
  readonly nodePreference: NodePreference;
  choose(candidates: CandidateStream, need: ResourceNeed, clusterSize: number): Candidate | undefined;
}

// Nomad's default: rank the first max(2, ceil(log2 N)) feasible candidates (or a configured number) and keep
// the best; ties go to the earlier, i.e. random, one.
export class RankedSamplingStrategy implements PlacementStrategy {
  readonly name: string;
  readonly nodePreference: NodePreference;

  constructor(
    private readonly ranker: Ranker,
    private readonly samplingLimit: number | 'LOG2' | 'ALL' = 'LOG2',
  ) {
    this.name = `${ranker.name}/${samplingLimit}`;
    this.nodePreference = ranker.nodePreference;
  }

  choose(candidates: CandidateStream, need: ResourceNeed, clusterSize: number): Candidate | undefined {
    const limit = this.limitFor(clusterSize);
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (let seen = 0; seen < limit; seen++) {
      const candidate = candidates.next();
      if (!candidate) break;
      const score = this.ranker.score(candidate, need);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    return best;
  }

  private limitFor(clusterSize: number): number {
    if (this.samplingLimit === 'ALL') return Infinity;
    if (this.samplingLimit === 'LOG2') return Math.max(2, Math.ceil(Math.log2(Math.max(clusterSize, 1))));
    return this.samplingLimit;
  }
}

// Drove's own algorithm: the first feasible executor in random order.
export const firstFitStrategy: PlacementStrategy = {
  name: 'FIRST_FIT',
  nodePreference: 'FULLEST',
  choose: (candidates) => candidates.next(),
};
