import { ExecutorSnapshot } from './cluster/executor-snapshot';
import { Allocation } from './cluster/allocation';
import { Scheduler } from './scheduler';
import { needs, testExecutor } from './testing/test-cluster';

// One executor, one node of 2 cores x 2 threads: 4 CPUs, 4096 MB.
function oneExecutor(): Scheduler {
  const scheduler = new Scheduler({ seed: 5 });
  scheduler.cluster.update(testExecutor({ id: 'e1', nodes: 1, coresPerNode: 2, memoryMB: 4096 }));
  return scheduler;
}

const openApp = (scheduler: Scheduler) => scheduler.openSession({ deployableId: 'app', kind: 'APPLICATION' });

function freeCpus(scheduler: Scheduler): number {
  return scheduler.cluster.get('e1')!.freeCpus();
}

// What the executor reports once it has locked the given allocations itself.
function reportWith(locked: Allocation[]): ExecutorSnapshot {
  const snapshot = testExecutor({ id: 'e1', nodes: 1, coresPerNode: 2, memoryMB: 4096 });
  const taken = new Set(locked.flatMap((allocation) => allocation.cpus));
  snapshot.nodes[0].freeCpus = snapshot.nodes[0].freeCpus.filter((cpu) => !taken.has(cpu));
  snapshot.nodes[0].freeMemoryMB -= locked.reduce((sum, allocation) => sum + allocation.memoryMB, 0);
  return snapshot;
}

function placeTwo(scheduler: Scheduler) {
  const session = openApp(scheduler);
  const results = ['AI-1', 'AI-2'].map((instanceId) =>
    session.place({ instanceId, resources: needs(2, 1024) }),
  );
  const allocations = results.map((result) => (result.ok ? result.allocation : undefined)).filter(Boolean);
  return { session, allocations: allocations as Allocation[] };
}

describe('SchedulingSession', () => {
  it('holds soft allocations so a second placement does not reuse the CPUs', () => {
    const scheduler = oneExecutor();
    const { allocations } = placeTwo(scheduler);
    expect(allocations.map((allocation) => allocation.cpus)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(freeCpus(scheduler)).toBe(0);
    expect(openApp(scheduler).place({ instanceId: 'AI-3', resources: needs(1) }).ok).toBe(false);
  });

  it('gives the resources of a failed start back', () => {
    const scheduler = oneExecutor();
    const { session } = placeTwo(scheduler);
    session.release('AI-1');
    expect(freeCpus(scheduler)).toBe(2);
    expect(scheduler.cluster.get('e1')!.freeMemoryMB()).toBe(3072);
    expect(session.allocations().map((allocation) => allocation.instanceId)).toEqual(['AI-2']);
  });

  it('gives back everything not confirmed when the operation is aborted', () => {
    const scheduler = oneExecutor();
    const { session } = placeTwo(scheduler);
    session.confirm('AI-1');
    session.abort();
    expect(freeCpus(scheduler)).toBe(2);
  });

  it('refuses to place the same instance twice', () => {
    const session = openApp(oneExecutor());
    session.place({ instanceId: 'AI-1', resources: needs(1) });
    const again = session.place({ instanceId: 'AI-1', resources: needs(1) });
    expect(again.ok ? 'placed' : again.failure.message).toBe('Instance AI-1 is already placed');
  });

  it('keeps soft allocations across a report that does not show them yet', () => {
    const scheduler = oneExecutor();
    placeTwo(scheduler);
    scheduler.cluster.update(reportWith([]));
    expect(freeCpus(scheduler)).toBe(0);
    expect(scheduler.cluster.get('e1')!.freeMemoryMB()).toBe(2048);
  });

  it('leaves a lock to the executor once its report shows it', () => {
    const scheduler = oneExecutor();
    const { session, allocations } = placeTwo(scheduler);
    scheduler.cluster.update(reportWith([allocations[0]]));
    expect(scheduler.cluster.get('e1')!.freeMemoryMB()).toBe(2048);
    // The executor holds AI-1's CPUs itself; releasing the session must not free them.
    session.abort();
    expect(freeCpus(scheduler)).toBe(2);
    expect(scheduler.cluster.get('e1')!.node(0)!.isFree(allocations[0].cpus[0])).toBe(false);
  });

  it('lets later reports account for confirmed instances', () => {
    const scheduler = oneExecutor();
    const { session } = placeTwo(scheduler);
    session.close();
    scheduler.cluster.update(reportWith([]));
    expect(freeCpus(scheduler)).toBe(4);
  });

  it('places on one given executor only, in the states asked for, and says why it cannot', () => {
    const scheduler = oneExecutor();
    scheduler.cluster.update(testExecutor({ id: 'e2', nodes: 1, coresPerNode: 2, memoryMB: 4096 }));
    scheduler.cluster.update({ ...testExecutor({ id: 'e3', nodes: 1, coresPerNode: 2 }), state: 'UNREADY' });
    const session = scheduler.openSession({ deployableId: 'svc', kind: 'LOCAL_SERVICE' });
    const on = (executorId: string, instanceId: string, states?: ReadonlySet<string>) => {
      const result = session.placeOn(executorId, { instanceId, resources: needs(2, 1024) }, states);
      return result.ok ? result.allocation.executorId : result.failure.message;
    };
    expect(['SI-1', 'SI-2'].map((id) => on('e2', id))).toEqual(['e2', 'e2']);
    expect(on('e2', 'SI-3')).toMatch(/^No executor can take 2 CPUs and 1024 MB on one NUMA node: 1 x /);
    expect(on('e3', 'SI-4')).toBe(
      'No executor can take 2 CPUs and 1024 MB on one NUMA node: 1 x executor is UNREADY',
    );
    expect(on('e3', 'SI-5', new Set(['ACTIVE', 'UNREADY']))).toBe('e3');
    expect(on('e9', 'SI-6')).toBe('No executor e9 on cluster');
    expect(freeCpus(scheduler)).toBe(4);
  });
});
