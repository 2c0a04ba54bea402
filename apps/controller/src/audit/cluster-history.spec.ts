import { ANY, MemoryEventStore } from '@drove/events';
import { localServiceSpecJson } from '@drove/domain/testing/spec-fixtures';
import { clusterAt, HISTORY_INDEX, historySnapshotName } from './cluster-history';

const NOW = 1_700_000_000_000;

/** 40 executor events, one per second from NOW; executor ex-<n> is added at event 4n and changes state 3 times. */
async function executorLog(): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  for (let i = 0; i < 40; i++) {
    const executorId = `ex-${Math.floor(i / 4)}`;
    const at = NOW + i * 1000;
    const data =
      i % 4 === 0
        ? { executorId, hostname: 'h', port: 3000 + i, transportType: 'HTTP', tags: [], state: 'ACTIVE', at }
        : { executorId, state: i % 2 === 0 ? 'ACTIVE' : 'UNREADY', at };
    const type = i % 4 === 0 ? 'ExecutorAdded' : 'ExecutorStateChanged';
    await store.append(`executor-${executorId}`, ANY, [{ id: `e-${i}`, type, data, time: at }]);
  }
  return store;
}

describe('cluster history', () => {
  const moments = [NOW - 1, NOW, NOW + 6_500, NOW + 19_000, NOW + 25_000, NOW + 39_000, NOW + 99_000];

  it('answers the same with snapshots as from position 1, and saves them as it folds', async () => {
    const plain = await executorLog();
    const snapshotted = await executorLog();
    const expected = await Promise.all(moments.map((at) => clusterAt(plain, at, 1_000_000)));
    expect(expected.map((c) => [c.position, c.executors.length])).toEqual([
      [0, 0],
      [1, 1],
      [7, 2],
      [20, 5],
      [26, 7],
      [40, 10],
      [40, 10],
    ]);
    expect(await clusterAt(snapshotted, NOW + 39_000, 8)).toEqual(expected[5]);
    const index = await snapshotted.loadSnapshot<{ entries: { position: number; time: number }[] }>(
      HISTORY_INDEX,
    );
    expect(index?.state.entries).toEqual(
      [8, 16, 24, 32, 40].map((p) => ({ position: p, time: NOW + (p - 1) * 1000 })),
    );
    for (const [i, at] of moments.entries()) expect(await clusterAt(snapshotted, at, 8)).toEqual(expected[i]);
  });

  it('starts from the newest snapshot at or before the moment asked for', async () => {
    const store = await executorLog();
    await clusterAt(store, NOW + 99_000, 8);
    expect(await store.loadSnapshot(historySnapshotName(24))).toBeDefined();
    const readAll = jest.spyOn(store, 'readAll');
    await clusterAt(store, NOW + 25_000, 8);
    expect(readAll.mock.calls[0][0]).toBe(25);
  });

  it('stops at the first event past the moment even when a later clock went back', async () => {
    const store = await executorLog();
    await store.append('executor-ex-late', ANY, [
      {
        id: 'late',
        type: 'ExecutorAdded',
        data: {
          executorId: 'ex-late',
          hostname: 'h',
          port: 1,
          transportType: 'HTTP',
          tags: [],
          state: 'ACTIVE',
          at: NOW,
        },
        time: NOW + 500,
      },
    ]);
    expect((await clusterAt(store, NOW + 38_500)).position).toBe(39);
    expect((await clusterAt(store, NOW + 38_500)).executors.map((e) => e.executorId)).not.toContain(
      'ex-late',
    );
  });

  it('shows the local services and their instances as they were', async () => {
    const store = new MemoryEventStore();
    const { devices: _devices, ...spec } = localServiceSpecJson();
    const append = (stream: string, type: string, data: object, time: number) =>
      store.append(stream, ANY, [{ id: `${type}-${time}`, type, data, time }]);
    await append(
      'localservice-test-service-1',
      'LocalServiceCreated',
      {
        serviceId: 'test-service-1',
        spec,
        instancesPerHost: 1,
        at: NOW,
      },
      NOW,
    );
    const info = (state: string, updated: number) => ({
      info: {
        serviceId: 'test-service-1',
        serviceName: 'test-service',
        instanceId: 'SI-1',
        executorId: 'ex-1',
        resources: [],
        state,
        metadata: {},
        errorMessage: '',
        created: NOW,
        updated,
      },
      at: updated,
    });
    await append('instance-SI-1', 'InstanceStateChanged', info('HEALTHY', NOW + 1000), NOW + 1000);
    await append('instance-SI-1', 'InstanceStateChanged', info('STOPPED', NOW + 2000), NOW + 2000);
    const then = await clusterAt(store, NOW + 1500);
    expect(then.localServices.map((l) => [l.id, l.state, l.healthyInstances])).toEqual([
      ['test-service-1', 'INACTIVE', 1],
    ]);
    expect(then.serviceInstances).toEqual([
      {
        instanceId: 'SI-1',
        serviceId: 'test-service-1',
        executorId: 'ex-1',
        state: 'HEALTHY',
        created: NOW,
        updated: NOW + 1000,
      },
    ]);
    expect((await clusterAt(store, NOW + 2500)).serviceInstances.map((i) => i.state)).toEqual(['STOPPED']);
    expect((await clusterAt(store, NOW + 2500)).instances).toEqual([]);
  });
});
