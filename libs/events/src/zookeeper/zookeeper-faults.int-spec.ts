import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateMode } from 'node-zookeeper-client';
import { ANY, NO_STREAM } from '../core/event-store.port';
import { FencedError } from '../core/fenced.error';
import { WrongExpectedVersionError } from '../core/wrong-expected-version.error';
import { newEvent, range, waitFor } from '../test/event-store.contract';
import { LoopbackProxy } from '../test/loopback-proxy';
import { connectAdmin, connectString, testRoot } from '../test/zk-test-support';
import { Zk } from './zk-client';
import { ZkLayout } from './zk-layout';
import { ZooKeeperEventStore, type ZooKeeperEventStoreOptions } from './zookeeper-event-store';
import { CHUNK_BYTES } from './zk-snapshots';

const zkPort = Number(process.env.DROVE_ZK_PORT ?? 2181);

describe('ZooKeeper event store under faults', () => {
  let admin: Zk;
  let proxy: LoopbackProxy;
  const roots: string[] = [];
  const stores: ZooKeeperEventStore[] = [];

  const open = async (
    root: string,
    options: Partial<ZooKeeperEventStoreOptions> = {},
  ): Promise<ZooKeeperEventStore> => {
    const store = await ZooKeeperEventStore.open({ connectString, root, segmentSize: 100, ...options });
    stores.push(store);
    return store;
  };
  const viaProxy = (): Partial<ZooKeeperEventStoreOptions> => ({ connectString: proxy.connectString });
  const newRoot = (): string => {
    const root = testRoot('events-faults');
    roots.push(root);
    return root;
  };

  beforeAll(async () => {
    admin = await connectAdmin();
    proxy = await LoopbackProxy.start(zkPort);
  });
  afterEach(async () => {
    proxy.restore();
    await Promise.allSettled(stores.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await proxy.stop();
    for (const root of roots) await admin.removeTree(root);
    admin.close();
  });

  it('never lets a stream head znode sit at version 0 (client pitfall: a multi check at 0 means "any")', async () => {
    const root = newRoot();
    const store = await open(root);
    const stale = await open(root);
    await stale.append('app-p', NO_STREAM, [newEvent()]);
    const head = await admin.exists(new ZkLayout(root, 100).stream('app-p'));
    expect(head?.version).toBe(1);
    await store.append('app-p', 1, [newEvent()]);
    const failure = stale.append('app-p', 1, [newEvent()]);
    await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(failure).rejects.toMatchObject({ current: 2 });
    await expect(
      admin.multi([{ kind: 'set', path: `${root}/log/head`, data: Buffer.alloc(0), version: 0 }]),
    ).rejects.toThrow(/version 0/);
  });

  it("refuses a deposed leader's append once its leader session has ended", async () => {
    const root = newRoot();
    const store = await open(root);
    const leader = await connectAdmin();
    const fence = await leader.create(`${root}/leader-`, Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL);
    await store.append('cluster', NO_STREAM, [newEvent()], { fence });
    leader.close();
    // The store learns nothing of it: only the multi's check of the fence stops the write.
    while (await admin.exists(fence)) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(store.append('cluster', 1, [newEvent()], { fence })).rejects.toBeInstanceOf(FencedError);
    expect(await store.headPosition()).toBe(1);
  });

  it('settles each of many concurrent appends on its own when batches mix good, stale and fenced ones', async () => {
    const root = newRoot();
    const store = await open(root);
    const gone = await admin.create(`${root}/leader-`, Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL);
    await admin.remove(gone);
    await store.append('app-0', NO_STREAM, [newEvent()]);
    const kinds = range(0, 59).map((i) => ['good', 'stale', 'fenced'][i % 3]);
    const results = await Promise.allSettled(
      kinds.map((kind, i) => {
        if (kind === 'stale') return store.append('app-0', NO_STREAM, [newEvent()]);
        return store.append(`app-${i}`, ANY, [newEvent()], kind === 'fenced' ? { fence: gone } : {});
      }),
    );
    const outcome = results.map((r) => (r.status === 'fulfilled' ? 'good' : (r.reason as Error).name));
    const expected = kinds.map(
      (kind) => ({ good: 'good', stale: 'WrongExpectedVersionError', fenced: 'FencedError' })[kind],
    );
    expect(outcome).toEqual(expected);
    expect(await store.headPosition()).toBe(21);
    expect(await store.verify()).toEqual({ ok: true, checked: 21 });
  });

  it('leaves nothing behind when one check of the multi fails', async () => {
    const root = newRoot();
    const store = await open(root);
    const other = await open(root);
    await store.append('app-h', NO_STREAM, [newEvent()]);
    await other.append('app-h', 1, [newEvent()]);
    const segment = new ZkLayout(root, 100).segment(0);
    const entriesBefore = await admin.getChildren(segment);
    const headBefore = await admin.getData(`${root}/log/head`);
    await expect(store.append('app-h', 1, [newEvent(), newEvent()])).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await admin.getChildren(segment)).toEqual(entriesBefore);
    expect((await admin.getData(`${root}/log/head`)).stat.version).toBe(headBefore.stat.version);
  });

  it.each([
    ['the server got the multi but the reply was lost', true],
    ['the multi never reached the server', false],
  ])('appends exactly once when the connection breaks and %s', async (_case, forward) => {
    const root = newRoot();
    const store = await open(root, viaProxy());
    await store.append('app-l', NO_STREAM, [newEvent()]);
    const batch = [newEvent('Big', { pad: 'x'.repeat(2000) }), newEvent()];
    const broken = proxy.breakAtNextRequest(1500, forward);
    const appended = store.append('app-l', 1, batch);
    await broken;
    expect(await appended).toEqual({ positions: [2, 3], streamVersion: 3 });
    expect(await store.append('app-l', 1, batch)).toEqual({ positions: [2, 3], streamVersion: 3 });
    const log = await store.readAll(1, 100);
    expect(log.map((event) => event.position)).toEqual([1, 2, 3]);
    expect(log.slice(1).map((event) => event.id)).toEqual(batch.map((event) => event.id));
  });

  it('keeps one gap-free chain when two writers race on the same streams', async () => {
    const root = newRoot();
    const [one, two] = [await open(root), await open(root)];
    const writes = range(1, 60).map((i) =>
      (i % 2 ? one : two).append(`app-${i % 5}`, ANY, [newEvent(), newEvent()]),
    );
    const positions = (await Promise.all(writes)).flatMap((result) => result.positions).sort((a, b) => a - b);
    expect(positions).toEqual(range(1, 120));
    expect(await one.verify()).toEqual({ ok: true, checked: 120 });
    const versions = (await two.readStream('app-3')).map((event) => event.streamVersion);
    expect(versions).toEqual(range(1, 24));
  });

  it('cuts a big snapshot into chunks under 1 MiB and keeps only the current generation', async () => {
    const root = newRoot();
    const store = await open(root);
    const state = { blob: randomBytes(1536 * 1024).toString('base64') };
    await store.saveSnapshot('view', 10, state);
    await store.saveSnapshot('view', 20, state);
    const path = `${root}/snapshots/view`;
    const chunks = await admin.getChildren(path);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chunks.map((chunk) => chunk.split('-')[0])).size).toBe(1);
    const sizes = await Promise.all(
      chunks.map(async (chunk) => (await admin.getData(`${path}/${chunk}`)).data.length),
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(await (await open(root)).loadSnapshot('view')).toEqual({ position: 20, state });
  });

  it('writes each event at most once and confirms only what it wrote while the connection keeps breaking', async () => {
    const root = newRoot();
    const store = await open(root, viaProxy());
    const batches = range(1, 300).map(() => [newEvent(), newEvent('Padded', { pad: 'p'.repeat(300) })]);
    const appends = batches.map(async (batch, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 3));
      return store.append(`app-${i % 6}`, ANY, batch);
    });
    for (let cut = 0; cut < 4; cut += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 100));
      proxy.restore();
    }
    const results = await Promise.allSettled(appends);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).name] : []));
    expect(failures.every((name) => name === 'AppendOutcomeUnknownError')).toBe(true);

    const log = await store.readAll(1, 10_000);
    expect(new Set(log.map((event) => event.id)).size).toBe(log.length);
    results.forEach((result, i) => {
      if (result.status !== 'fulfilled') return;
      expect(result.value.positions.map((position) => log[position - 1].id)).toEqual(
        batches[i].map((e) => e.id),
      );
    });
    expect(await store.verify()).toEqual({ ok: true, checked: log.length });
  });

  it('follows the log from the entries its head names, without listing the live segment', async () => {
    const root = newRoot();
    const store = await open(root, { segmentSize: 10_000 });
    for (let i = 0; i < 40; i += 1) await store.append('app-tail', i, [newEvent()]);
    const listings = jest.spyOn(Zk.prototype, 'getChildren');
    try {
      expect((await store.readAll(30, 100)).map((event) => event.position)).toEqual(range(30, 40));
      expect(listings).not.toHaveBeenCalled();
      expect((await store.readAll(1, 100)).map((event) => event.position)).toEqual(range(1, 40));
      expect(listings).toHaveBeenCalled();
    } finally {
      listings.mockRestore();
    }
  });

  it('keeps a subscription going, in order and complete, across a connection cut', async () => {
    const root = newRoot();
    const writer = await open(root);
    const reader = await open(root, viaProxy());
    const seen: number[] = [];
    const subscription = reader.subscribe((event) => void seen.push(event.position), { batchSize: 7 });
    await subscription.caughtUp;
    const writes = (async () => {
      for (let i = 0; i < 40; i += 1) {
        await writer.append('app-sub', ANY, [newEvent()]);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.restore();
    await writes;
    await waitFor(() => seen.length >= 40);
    await subscription.stop();
    expect(seen).toEqual(range(1, 40));
  });

  it('says so when its session expires', async () => {
    const store = await open(newRoot(), { ...viaProxy(), sessionTimeout: 4000 });
    let expired = false;
    store.onSessionExpired(() => (expired = true));
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 6500));
    proxy.restore();
    await waitFor(() => expired, 15_000);
    expect(expired).toBe(true);
  }, 30_000);

  it('keeps order, streams and the chain through compaction, for a fresh reader too', async () => {
    const root = newRoot();
    const store = await open(root);
    for (let i = 0; i < 25; i += 1) {
      await store.append(
        `instance-${i % 4}`,
        ANY,
        Array.from({ length: 1 + (i % 17) }, () => newEvent()),
      );
    }
    const head = await store.headPosition();
    const before = await store.readAll(1, 10_000);
    const streamBefore = await store.readStream('instance-1');
    const sealed = Math.floor((head + 1) / 100);
    expect(await store.compact()).toEqual(range(0, sealed - 1));
    const segment0 = await admin.getChildren(new ZkLayout(root, 100).segment(0));
    expect(segment0.every((name) => name.startsWith('c-'))).toBe(true);
    expect(await store.readAll(1, 10_000)).toEqual(before);
    expect(await store.readStream('instance-1')).toEqual(streamBefore);
    expect(await store.verify()).toEqual({ ok: true, checked: head });
    const reader = await open(root);
    expect((await reader.readAll(95, 10)).map((event) => event.position)).toEqual(range(95, 104));
  });

  it('archives compacted segments, and any store with the archive reads across archive and live', async () => {
    const archiveDir = await mkdtemp(join(tmpdir(), 'drove-events-zk-archive-'));
    try {
      const root = newRoot();
      const store = await open(root, { segmentSize: 50, archiveDir });
      for (let i = 0; i < 30; i += 1)
        await store.append(`app-${i % 3}`, ANY, [newEvent(), newEvent(), newEvent()]);
      const before = await store.readAll(1, 1000);
      await store.compact();
      expect(await store.archive()).toEqual([0]);
      expect(await admin.exists(new ZkLayout(root, 50).segment(0))).toBeNull();
      const other = await open(root, { segmentSize: 50, archiveDir });
      expect(await other.readAll(1, 1000)).toEqual(before);
      expect(await other.readStream('app-1')).toEqual(before.filter((event) => event.stream === 'app-1'));
      expect(await other.verify()).toEqual({ ok: true, checked: 90 });
    } finally {
      await rm(archiveDir, { recursive: true, force: true });
    }
  });
});
