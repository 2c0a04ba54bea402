import { Logger } from '@nestjs/common';
import { MemoryEventStore } from '@drove/events';
import { ClusterViewService } from '../projections/cluster-view.service';
import { SyntheticCluster } from '../testing/synthetic-cluster';
import { TestFence } from '../testing/test-fence';
import { ViewSnapshotConfig } from './view-snapshot.config';
import { ViewSnapshotWriter } from './view-snapshot-writer';
import { VIEW_SNAPSHOT } from './view-snapshots';

Logger.overrideLogger(false);

describe('ViewSnapshotWriter', () => {
  const clock = { at: 1_700_000_000_000, now: () => clock.at };
  let store: MemoryEventStore;
  let fence: TestFence;
  let view: ClusterViewService;
  let writer: ViewSnapshotWriter;
  let cluster: SyntheticCluster;

  /** Appends events (cluster maintenance set/unset: one event each) and waits for the view to have them. */
  async function events(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await cluster.step({ kind: 10, a: 0, b: i });
    expect(await view.reached(await store.headPosition())).toBe(true);
  }

  beforeEach(async () => {
    store = new MemoryEventStore();
    fence = new TestFence();
    cluster = new SyntheticCluster(store, clock.at);
    view = new ClusterViewService(store, fence);
    await view.onApplicationBootstrap();
    const config = Object.assign(new ViewSnapshotConfig(), { everyEvents: 100, everySeconds: 60 });
    writer = new ViewSnapshotWriter(store, fence, view, clock, config);
  });

  afterEach(() => view.onModuleDestroy());

  it('saves only while leading, every N events or every T seconds when something happened', async () => {
    await events(150);
    expect(await writer.tick()).toBeUndefined(); // a follower never writes
    fence.lead('/drove/leader/c-1');
    expect(await writer.tick()).toBe(150);
    expect((await store.loadSnapshot(VIEW_SNAPSHOT))?.position).toBe(150);
    await events(10);
    expect(await writer.tick()).toBeUndefined();
    clock.at += 61_000;
    expect(await writer.tick()).toBe(160);
    clock.at += 61_000;
    expect(await writer.tick()).toBeUndefined(); // nothing new
    await events(100);
    expect(await writer.tick()).toBe(260);
  });

  it('a new leader counts from the snapshot its view was rebuilt from', async () => {
    await events(120);
    fence.lead('/drove/leader/c-1');
    expect(await writer.tick()).toBe(120);
    fence.depose();
    expect(await writer.tick()).toBeUndefined();
    await events(50);
    fence.lead('/drove/leader/c-2');
    await view.rebuild();
    expect(view.lastRebuild).toMatchObject({ snapshotPosition: 120, replayedEvents: 50 });
    expect(await writer.tick()).toBeUndefined();
    await events(50);
    expect(await writer.tick()).toBe(220);
  });
});
