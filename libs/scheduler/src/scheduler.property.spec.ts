import fc from 'fast-check';
import { PlacementPolicy } from '@drove/domain';
import { Allocation } from './cluster/allocation';
import { Scheduler } from './scheduler';
import { needs, testExecutor } from './testing/test-cluster';

const POLICIES: PlacementPolicy[] = [
  { type: 'ANY' },
  { type: 'ONE_PER_HOST' },
  { type: 'MATCH_TAG', tag: 'a' },
  {
    type: 'COMPOSITE',
    combiner: 'OR',
    policies: [
      { type: 'MATCH_TAG', tag: 'a' },
      { type: 'MATCH_TAG', tag: 'b' },
    ],
  },
];

const executorArb = fc.record({
  nodes: fc.integer({ min: 1, max: 3 }),
  coresPerNode: fc.integer({ min: 1, max: 4 }),
  threadsPerCore: fc.integer({ min: 1, max: 2 }),
  memoryMB: fc.integer({ min: 512, max: 4096 }),
  tags: fc.subarray(['a', 'b']),
  blacklisted: fc.boolean(),
});

const operationArb = fc.oneof(
  fc.record({
    kind: fc.constant('place' as const),
    cpus: fc.integer({ min: 1, max: 6 }),
    memoryMB: fc.integer({ min: 0, max: 3000 }),
    policy: fc.integer({ min: 0, max: POLICIES.length - 1 }),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  // The executor reports before it has started anything: the session's soft allocations must survive.
  fc.record({ kind: fc.constant('report' as const), pick: fc.nat() }),
);

// Whether an executor passes the effective policy, worked out independently of the policy compiler.
function allowed(policy: PlacementPolicy, tags: string[], used: boolean): boolean {
  switch (policy.type) {
    case 'ANY':
      return tags.length === 0;
    case 'ONE_PER_HOST':
      return tags.length === 0 && !used;
    case 'MATCH_TAG':
      return tags.includes(policy.tag);
    default:
      return tags.includes('a') || tags.includes('b');
  }
}

describe('Scheduler over random clusters and workloads', () => {
  it('never overlaps or over-commits, never splits, and names a reason whenever it fails', () => {
    fc.assert(
      fc.property(
        fc.array(executorArb, { minLength: 1, maxLength: 6 }),
        fc.array(operationArb, { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (executors, operations, seed) => {
          const scheduler = new Scheduler({ seed });
          const report = (i: number): void => {
            const spec = executors[i];
            scheduler.cluster.update(
              testExecutor({ id: `e${i}`, ...spec, state: spec.blacklisted ? 'BLACKLISTED' : 'ACTIVE' }),
            );
          };
          executors.forEach((_, i) => report(i));
          // One session per policy, as one operation per app.
          const sessions = POLICIES.map((policy, i) =>
            scheduler.openSession({ deployableId: `app-${i}`, kind: 'APPLICATION', policy }),
          );
          let serial = 0;
          for (const operation of operations) {
            if (operation.kind === 'report') {
              const index = operation.pick % executors.length;
              const spec = executors[index];
              scheduler.cluster.update(
                testExecutor({
                  id: `e${index}`,
                  ...spec,
                  state: spec.blacklisted ? 'BLACKLISTED' : 'ACTIVE',
                }),
              );
              checkInvariants(
                scheduler,
                sessions.flatMap((s) => s.allocations()),
              );
              continue;
            }
            if (operation.kind === 'release') {
              const held = sessions.flatMap((session) =>
                session.allocations().map((a) => [session, a] as const),
              );
              if (held.length === 0) continue;
              const [session, allocation] = held[operation.pick % held.length];
              session.release(allocation.instanceId);
              continue;
            }
            const session = sessions[operation.policy];
            const usedBefore = new Set(session.allocations().map((a) => a.executorId));
            const result = session.place({
              instanceId: `AI-${serial++}`,
              resources: needs(operation.cpus, operation.memoryMB),
            });
            const policy = POLICIES[operation.policy];
            if (result.ok) {
              const { allocation } = result;
              const index = Number(allocation.executorId.slice(1));
              expect(executors[index].blacklisted).toBe(false);
              expect(allowed(policy, executors[index].tags, usedBefore.has(allocation.executorId))).toBe(
                true,
              );
              expect(allocation.cpus).toHaveLength(operation.cpus);
              expect(allocation.memoryMB).toBe(operation.memoryMB);
            } else {
              expect(result.failure.message.length).toBeGreaterThan(0);
              const rejected = Object.values(result.failure.rejections).reduce((sum, n) => sum + n, 0);
              expect(rejected).toBe(executors.length);
              // Nothing feasible was missed.
              const feasible = scheduler.cluster.executors.some((executor) => {
                const spec = executors[Number(executor.id.slice(1))];
                return (
                  !spec.blacklisted &&
                  allowed(policy, spec.tags, usedBefore.has(executor.id)) &&
                  executor.nodes.some(
                    (node) => node.freeCpus >= operation.cpus && node.freeMemoryMB >= operation.memoryMB,
                  )
                );
              });
              expect(feasible).toBe(false);
            }
            checkInvariants(
              scheduler,
              sessions.flatMap((s) => s.allocations()),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function checkInvariants(scheduler: Scheduler, allocations: Allocation[]): void {
  const taken = new Set<string>();
  for (const allocation of allocations) {
    const node = scheduler.cluster.get(allocation.executorId)!.node(allocation.nodeId)!;
    for (const cpu of allocation.cpus) {
      expect(node.has(cpu)).toBe(true);
      expect(node.isFree(cpu)).toBe(false);
      const key = `${allocation.executorId}/${cpu}`;
      expect(taken.has(key)).toBe(false);
      taken.add(key);
    }
  }
  for (const executor of scheduler.cluster.executors) {
    for (const node of executor.nodes) {
      const mine = allocations.filter((a) => a.executorId === executor.id && a.nodeId === node.id);
      const cpus = mine.reduce((sum, a) => sum + a.cpus.length, 0);
      const memory = mine.reduce((sum, a) => sum + a.memoryMB, 0);
      expect(node.freeCpus).toBe(node.totalCpus - cpus);
      expect(node.freeMemoryMB).toBe(node.totalMemoryMB - memory);
      expect(node.freeMemoryMB).toBeGreaterThanOrEqual(0);
    }
  }
}
