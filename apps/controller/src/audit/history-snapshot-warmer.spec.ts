import { ANY, MemoryEventStore } from '@drove/events';
import { TestFence } from '../testing/test-fence';
import { HISTORY_INDEX } from './cluster-history';
import { HistorySnapshotWarmer } from './history-snapshot-warmer';

describe('history snapshot warmer', () => {
  it('saves the snapshots when this controller starts leading, and not before', async () => {
    const store = new MemoryEventStore();
    for (let i = 0; i < 20; i++) {
      await store.append(`s-${i % 2}`, ANY, [{ id: `e-${i}`, type: 'Noted', data: { i }, time: 1000 + i }]);
    }
    const fence = new TestFence();
    const warmer = new HistorySnapshotWarmer(store, fence, 8);
    warmer.onApplicationBootstrap();
    expect(await store.loadSnapshot(HISTORY_INDEX)).toBeUndefined();
    fence.lead('/drove/leader/c-1');
    await warmer.warm();
    const index = await store.loadSnapshot<{ entries: { position: number }[] }>(HISTORY_INDEX);
    expect(index?.state.entries.map((e) => e.position)).toEqual([8, 16]);
    warmer.onApplicationShutdown();
  });
});
