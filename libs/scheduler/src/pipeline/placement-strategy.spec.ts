import { ExecutorView } from '../cluster/executor-view';
import { testExecutor } from '../testing/test-cluster';
import { Candidate, CandidateStream } from './candidate';
import { RankedSamplingStrategy } from './placement-strategy';
import { binPackRanker } from './ranker';

// A stream of identical feasible candidates that counts how many were drawn.
function stream(): CandidateStream & { drawn: number } {
  const executor = new ExecutorView(testExecutor({ id: 'e1' }));
  const candidate: Candidate = { executor, node: executor.nodes[0] };
  return {
    drawn: 0,
    next() {
      this.drawn++;
      return this.drawn <= 100 ? candidate : undefined;
    },
  };
}

describe('RankedSamplingStrategy', () => {
  it.each([
    ['LOG2', 1, 2],
    ['LOG2', 64, 6],
    ['LOG2', 5000, 13],
    [3, 5000, 3],
    ['ALL', 5000, 101],
  ] as const)('limit %s over %i executors ranks %i candidates', (limit, clusterSize, drawn) => {
    const candidates = stream();
    new RankedSamplingStrategy(binPackRanker, limit).choose(
      candidates,
      { cpus: 1, memoryMB: 1 },
      clusterSize,
    );
    expect(candidates.drawn).toBe(drawn);
  });
});
