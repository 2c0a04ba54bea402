import { applyExecutorOptions, parseHwlocXml } from '@drove/topology';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Allocation } from './cluster/allocation';
import { firstFitStrategy } from './pipeline/placement-strategy';
import { PlacementResult } from './pipeline/placement-result';
import { Scheduler, SchedulerOptions, SessionSpec } from './scheduler';
import { needs, testExecutor, TestExecutor } from './testing/test-cluster';

const APP: SessionSpec = { deployableId: 'app-1', kind: 'APPLICATION' };

function cluster(executors: TestExecutor[], options: Partial<SchedulerOptions> = {}): Scheduler {
  const scheduler = new Scheduler({ seed: 7, ...options });
  for (const executor of executors) scheduler.cluster.update(testExecutor(executor));
  return scheduler;
}

function placed(result: PlacementResult): Allocation {
  if (!result.ok) throw new Error(`expected a placement, got: ${result.failure.message}`);
  return result.allocation;
}

function failed(result: PlacementResult): string {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.allocation)}`);
  return result.failure.message;
}

describe('Scheduler: NUMA fit', () => {
  it('pins an instance to whole sibling cores on one NUMA node with its memory', () => {
    const session = cluster([{ id: 'e1' }]).openSession(APP);
    const allocation = placed(session.place({ instanceId: 'AI-1', resources: needs(4, 1024) }));
    expect(allocation).toEqual({
      instanceId: 'AI-1',
      executorId: 'e1',
      nodeId: 0,
      cpus: [0, 1, 2, 3],
      memoryMB: 1024,
    });
  });

  it('never splits an instance across NUMA nodes', () => {
    // Two nodes of 4 CPUs each: 6 CPUs exist but no single node has them.
    const session = cluster([{ id: 'e1', coresPerNode: 2 }]).openSession(APP);
    expect(failed(session.place({ instanceId: 'AI-1', resources: needs(6) }))).toBe(
      'No executor can take 6 CPUs and 256 MB on one NUMA node: 1 x NUMA: no node has 6 CPUs free',
    );
  });

  it('takes the node that has the memory, not just the CPUs', () => {
    const scheduler = cluster([]);
    const snapshot = testExecutor({ id: 'e1' });
    snapshot.nodes[0].freeMemoryMB = 100;
    scheduler.cluster.update(snapshot);
    const session = scheduler.openSession(APP);
    expect(placed(session.place({ instanceId: 'AI-1', resources: needs(2, 512) })).nodeId).toBe(1);
    expect(failed(session.place({ instanceId: 'AI-2', resources: needs(2, 8000) }))).toMatch(
      '1 x NUMA: no node with 2 CPUs free also has 8000 MB free',
    );
  });

  it('fills a NUMA node before opening the next one (bin-pack best fit)', () => {
    const session = cluster([{ id: 'e1' }]).openSession(APP);
    const nodes = [1, 2, 3, 4].map(
      (n) => placed(session.place({ instanceId: `AI-${n}`, resources: needs(2) })).nodeId,
    );
    expect(nodes).toEqual([0, 0, 0, 0]);
    expect(placed(session.place({ instanceId: 'AI-5', resources: needs(1) })).nodeId).toBe(1);
  });

  it('places across NUMA boundaries when pinning is off (nodes merged by the executor options)', () => {
    const xml = readFileSync(join(__dirname, '../../topology/src/fixtures/numa2-noht.xml'), 'utf8');
    const capacity = applyExecutorOptions(parseHwlocXml(xml), { disableNumaPinning: true });
    const session = cluster([{ id: 'e1', capacity }]).openSession(APP);
    expect(placed(session.place({ instanceId: 'AI-1', resources: needs(6) })).cpus).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it('hands out virtual CPUs when the executor over-provisions', () => {
    const xml = readFileSync(join(__dirname, '../../topology/src/fixtures/numa1-noht.xml'), 'utf8');
    const capacity = applyExecutorOptions(parseHwlocXml(xml), {
      overProvisioning: { enabled: true, cpuMultiplier: 2, memoryMultiplier: 2 },
    });
    const session = cluster([{ id: 'e1', capacity }]).openSession(APP);
    const allocation = placed(session.place({ instanceId: 'AI-1', resources: needs(8, 20000) }));
    expect(allocation.cpus.map((cpu) => capacity.physicalCpu[cpu])).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('rejects a request without a whole CPU', () => {
    const session = cluster([{ id: 'e1' }]).openSession(APP);
    expect(failed(session.place({ instanceId: 'AI-1', resources: needs(0) }))).toMatch('at least 1');
  });

  it('says so when there are no executors', () => {
    expect(
      failed(
        cluster([])
          .openSession(APP)
          .place({ instanceId: 'AI-1', resources: needs(1) }),
      ),
    ).toBe('No executors on cluster');
  });
});

describe('Scheduler: candidates and ranking', () => {
  it('skips executors that are not ACTIVE and names them', () => {
    const scheduler = cluster([
      { id: 'e1', state: 'BLACKLISTED' },
      { id: 'e2', state: 'UNREADY' },
    ]);
    const message = failed(scheduler.openSession(APP).place({ instanceId: 'AI-1', resources: needs(1) }));
    expect(message).toMatch('1 x executor is BLACKLISTED');
    expect(message).toMatch('1 x executor is UNREADY');
    scheduler.cluster.update(testExecutor({ id: 'e3' }));
    expect(
      placed(scheduler.openSession(APP).place({ instanceId: 'AI-2', resources: needs(1) })).executorId,
    ).toBe('e3');
  });

  function halfFullCluster(options: Partial<SchedulerOptions>): Scheduler {
    const scheduler = cluster([{ id: 'empty' }, { id: 'busy' }, { id: 'empty-too' }], options);
    const busy = testExecutor({ id: 'busy' });
    busy.nodes[0].freeCpus = [6, 7];
    scheduler.cluster.update(busy);
    return scheduler;
  }

  it('bin-packs onto the fullest executor by default', () => {
    const session = halfFullCluster({ samplingLimit: 'ALL' }).openSession(APP);
    expect(placed(session.place({ instanceId: 'AI-1', resources: needs(2) }))).toMatchObject({
      executorId: 'busy',
      nodeId: 0,
      cpus: [6, 7],
    });
  });

  it('spreads onto the emptiest executor and node when asked', () => {
    const session = halfFullCluster({ samplingLimit: 'ALL', ranking: 'SPREAD' }).openSession(APP);
    expect(placed(session.place({ instanceId: 'AI-1', resources: needs(2) })).executorId).not.toBe('busy');
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number): string[] => {
      const scheduler = cluster(
        Array.from({ length: 20 }, (_, i) => ({ id: `e${i}` })),
        { seed, strategy: firstFitStrategy },
      );
      const session = scheduler.openSession(APP);
      return Array.from({ length: 30 }, (_, i) => {
        const allocation = placed(session.place({ instanceId: `AI-${i}`, resources: needs(1 + (i % 3)) }));
        return `${allocation.executorId}/${allocation.nodeId}/${allocation.cpus.join(',')}`;
      });
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });
});
