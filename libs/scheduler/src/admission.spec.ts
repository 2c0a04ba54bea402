import { Scheduler } from './scheduler';
import { needs, testExecutor, TestExecutor } from './testing/test-cluster';

// Each executor: 2 nodes x 4 cores x 2 threads (8 CPUs and 8192 MB per node).
function scheduler(executors: TestExecutor[]): Scheduler {
  const instance = new Scheduler({ seed: 1 });
  for (const executor of executors) instance.cluster.update(testExecutor(executor));
  return instance;
}

const TWO = [
  { id: 'e1' },
  { id: 'e2' },
  { id: 'tagged', tags: ['gpu'] },
  { id: 'off', state: 'BLACKLISTED' as const },
];

describe('admission check', () => {
  it.each<[string, TestExecutor[], number, number, number, string | null]>([
    ['no executors', [], 1, 1, 1, 'No executors on cluster'],
    ['enough everything', TWO, 4, 1024, 8, null],
    [
      'too many CPUs in total',
      TWO,
      4,
      256,
      9,
      'Cluster does not have enough CPU. Required: 36 Available: 32',
    ],
    [
      'too much memory in total',
      TWO,
      1,
      8192,
      5,
      'Cluster does not have enough Memory. Required: 40960 Available: 32768',
    ],
    [
      'an instance larger than any NUMA node',
      TWO,
      9,
      256,
      1,
      'Required cores exceeds the maximum core available on a single NUMA node in the cluster. Required: 9 Max: 8',
    ],
    [
      'more memory than any NUMA node',
      TWO,
      1,
      9000,
      1,
      'Required memory exceeds the maximum memory available on a single NUMA node in the cluster. Required: 9000 Max: 8192',
    ],
  ])('%s', (_, executors, cpus, memoryMB, instances, expected) => {
    expect(
      scheduler(executors).admit({ kind: 'APPLICATION', resources: needs(cpus, memoryMB), instances }),
    ).toBe(expected);
  });

  it('counts only executors whose tags the policy accepts', () => {
    const request = { kind: 'APPLICATION' as const, resources: needs(8), instances: 2 };
    expect(scheduler(TWO).admit({ ...request, policy: { type: 'MATCH_TAG', tag: 'gpu' } })).toBeNull();
    expect(
      scheduler(TWO).admit({ ...request, instances: 3, policy: { type: 'MATCH_TAG', tag: 'gpu' } }),
    ).toBe('Cluster does not have enough CPU. Required: 24 Available: 16');
  });
});
