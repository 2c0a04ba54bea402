import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import { EventStore, MemoryEventStore } from '@drove/events';
import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { ClusterViewService } from '../projections/cluster-view.service';
import { Step, SyntheticCluster } from '../testing/synthetic-cluster';
import { TestFence } from '../testing/test-fence';
import { VIEW_SNAPSHOT, VIEW_SNAPSHOT_FORMAT, loadViewSnapshot, saveViewSnapshot } from './view-snapshots';

Logger.overrideLogger(false);

const T0 = 1_700_000_000_000;
const step = fc.record({ kind: fc.nat(10), a: fc.nat(40), b: fc.nat(40) });

async function logOf(steps: Step[], store = new MemoryEventStore()): Promise<MemoryEventStore> {
  const cluster = new SyntheticCluster(store, T0);
  for (const s of steps) await cluster.step(s);
  return store;
}

/** Steps that make a log of at least `events` events. */
async function logOfAtLeast(events: number, seed = 1): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  const cluster = new SyntheticCluster(store, T0);
  for (let i = 0; (await store.headPosition()) < events; i++) {
    await cluster.step({ kind: (i * 7 + seed) % 11, a: (i * 13 + seed) % 37, b: (i * 5 + seed) % 29 });
  }
  return store;
}

async function foldUpTo(
  store: EventStore,
  to: number,
  view = new ClusterViewProjection(),
): Promise<ClusterViewProjection> {
  for (const event of await store.readAll(view.position + 1, Math.max(0, to - view.position)))
    view.apply(event);
  return view;
}

describe('view snapshots', () => {
  it('snapshot + the log after it gives the same view as replaying the whole log (generated logs)', async () => {
    let withInstancesAndTasks = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 150 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (steps, cut) => {
          const store = await logOf(steps);
          const head = await store.headPosition();
          const full = await foldUpTo(store, head);
          await saveViewSnapshot(store, await foldUpTo(store, Math.floor(cut * head)));
          const loaded = await loadViewSnapshot(store);
          const restored = loaded.kind === 'restored' ? loaded.view : new ClusterViewProjection();
          if (Math.floor(cut * head) > 0) expect(loaded.kind).toBe('restored');
          expect((await foldUpTo(store, head, restored)).snapshot()).toEqual(full.snapshot());
          const s = full.snapshot();
          if (s.instances.length > 0 && s.tasks.length > 0) withInstancesAndTasks += 1;
        },
      ),
      { numRuns: 150 },
    );
    // The generator must exercise more than apps: most logs hold instances and tasks at the end.
    expect(withInstancesAndTasks).toBeGreaterThan(30);
  });

  const invalid: [string, (store: MemoryEventStore) => Promise<unknown>, RegExp][] = [
    [
      'damaged in the store',
      async (store) => {
        const saved = await store.loadSnapshot<{ view: { apps: unknown[] } }>(VIEW_SNAPSHOT);
        const state = saved?.state as { view: { apps: unknown[] } };
        state.view.apps = [];
        await store.saveSnapshot(VIEW_SNAPSHOT, saved?.position ?? 0, state);
      },
      /digest mismatch/,
    ],
    [
      'of another format',
      async (store) => store.saveSnapshot(VIEW_SNAPSHOT, 5, { format: VIEW_SNAPSHOT_FORMAT + 1 }),
      /format 2, expected 1/,
    ],
    [
      'of another log (same position, other hash)',
      async (store) => {
        const other = await logOfAtLeast(40, 3);
        await saveViewSnapshot(store, await foldUpTo(other, 20));
      },
      /another hash/,
    ],
    [
      'past the head of the log',
      async (store) => {
        const longer = await logOfAtLeast(200, 1);
        await saveViewSnapshot(store, await foldUpTo(longer, 150));
      },
      /past the log's head/,
    ],
    ['not JSON-shaped as a view', async (store) => store.saveSnapshot(VIEW_SNAPSHOT, 5, 'garbage'), /format/],
  ];

  it.each(invalid)('is not used when %s', async (_name, spoil, reason) => {
    const store = await logOfAtLeast(60);
    await saveViewSnapshot(store, await foldUpTo(store, 30));
    await spoil(store);
    const loaded = await loadViewSnapshot(store);
    expect(loaded.kind).toBe('invalid');
    expect(loaded.kind === 'invalid' && loaded.reason).toMatch(reason);
  });

  it('is not used when the store cannot read it, and there is none in a fresh store', async () => {
    const store = await logOfAtLeast(10);
    expect(await loadViewSnapshot(store)).toEqual({ kind: 'none' });
    jest.spyOn(store, 'loadSnapshot').mockRejectedValue(new Error('connection loss'));
    expect(await loadViewSnapshot(store)).toEqual({ kind: 'invalid', reason: 'unreadable: connection loss' });
  });
});

describe('ClusterViewService from a snapshot', () => {
  const started: ClusterViewService[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.onModuleDestroy()));
    jest.restoreAllMocks();
  });

  async function start(store: EventStore): Promise<ClusterViewService> {
    const service = new ClusterViewService(store, new TestFence());
    started.push(service);
    await service.onApplicationBootstrap();
    return service;
  }

  it('replays only the log after the snapshot and serves the same view as a full replay', async () => {
    const store = await logOfAtLeast(500);
    const head = await store.headPosition();
    const full = await start(store);
    expect(full.lastRebuild).toMatchObject({ snapshotPosition: 0, replayedEvents: head });
    await saveViewSnapshot(store, await foldUpTo(store, 400));
    const fromSnapshot = await start(store);
    expect(fromSnapshot.lastRebuild).toMatchObject({
      snapshotPosition: 400,
      replayedEvents: head - 400,
      position: head,
    });
    expect(fromSnapshot.view.snapshot()).toEqual(full.view.snapshot());
  });

  it('warns and replays the whole log when the snapshot does not match the log', async () => {
    const store = await logOfAtLeast(100);
    await saveViewSnapshot(store, await foldUpTo(await logOfAtLeast(100, 5), 50));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const service = await start(store);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/view snapshot not used .*another hash.*replaying the whole log/),
    );
    expect(service.lastRebuild).toMatchObject({
      snapshotPosition: 0,
      replayedEvents: await store.headPosition(),
    });
    expect(service.view.snapshot()).toEqual((await foldUpTo(store, await store.headPosition())).snapshot());
  });
});
