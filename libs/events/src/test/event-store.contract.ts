/// <reference types="jest" />
// Jest types are named here because app builds compile every file under libs/*/src, this one included.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ANY,
  NO_STREAM,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from '../core/event-store.port';
import { EventTooLargeError } from '../core/event-too-large.error';
import { FencedError } from '../core/fenced.error';
import { UpcasterRegistry } from '../core/upcaster-registry';
import { WrongExpectedVersionError } from '../core/wrong-expected-version.error';

export interface StoreSettings {
  segmentSize: number;
  archiveDir?: string;
  upcasters?: UpcasterRegistry;
}

/** What the contract needs from an adapter's test setup. */
export interface ContractHarness {
  /** A store on a fresh, empty log. */
  open(settings: StoreSettings): Promise<EventStore>;
  /** A second writer on the same log, as another controller process would be. */
  peer(store: EventStore, settings: StoreSettings): Promise<EventStore>;
  createFence(store: EventStore): Promise<string>;
  dropFence(store: EventStore, fence: string): Promise<void>;
  /** Changes one stored event behind the store's back. */
  tamper(store: EventStore, position: number, change: (event: StoredEvent) => StoredEvent): Promise<void>;
  /** Removes everything the suite created. */
  dispose(): Promise<void>;
}

let counter = 0;
export function newEvent(type = 'Happened', data: unknown = { n: counter }): NewEvent {
  counter += 1;
  return { id: `evt-${process.pid}-${Date.now()}-${counter}`, type, data };
}

function events(count: number, type?: string): NewEvent[] {
  return Array.from({ length: count }, () => newEvent(type));
}

/** Runs the EventStore contract against one adapter. */
export function eventStoreContract(adapter: string, harness: ContractHarness): void {
  describe(`EventStore contract: ${adapter}`, () => {
    const settings: StoreSettings = { segmentSize: 10 };
    const open: EventStore[] = [];
    const openStore = async (extra: Partial<StoreSettings> = {}): Promise<EventStore> => {
      const store = await harness.open({ ...settings, ...extra });
      open.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(open.splice(0).map((store) => store.close()));
    });
    afterAll(() => harness.dispose());

    it('appends atomically and reads streams and the log in order with gap-free positions', async () => {
      const store = await openStore();
      expect(await store.append('app-a', NO_STREAM, events(3))).toEqual({
        positions: [1, 2, 3],
        streamVersion: 3,
      });
      expect(await store.append('app-b', ANY, events(1))).toEqual({ positions: [4], streamVersion: 1 });
      expect(await store.append('app-a', 3, events(2))).toEqual({ positions: [5, 6], streamVersion: 5 });

      const all = await store.readAll(1, 100);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6]);
      const a = await store.readStream('app-a');
      expect(a.map((e) => [e.streamVersion, e.position])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 5],
        [5, 6],
      ]);
      expect((await store.readStream('app-a', 4)).map((e) => e.streamVersion)).toEqual([4, 5]);
      expect(await store.readStream('app-none')).toEqual([]);
      expect((await store.readAll(5, 1)).map((e) => e.position)).toEqual([5]);
      expect(await store.headPosition()).toBe(6);
    });

    it.each([
      ['NO_STREAM on a stream that exists', NO_STREAM as ExpectedVersion],
      ['a stale version', 1],
      ['a version from the future', 7],
    ])('rejects %s with the current version, writing nothing', async (_case, expected) => {
      const store = await openStore();
      await store.append('app-c', NO_STREAM, events(2));
      const failure = store.append('app-c', expected, events(1));
      await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(failure).rejects.toMatchObject({ stream: 'app-c', current: 2 });
      expect(await store.headPosition()).toBe(2);
    });

    it('lets exactly one of two writers with the same expected version win', async () => {
      const store = await openStore();
      const other = await harness.peer(store, settings);
      open.push(other);
      await store.append('cluster', NO_STREAM, events(1));
      const results = await Promise.allSettled([
        store.append('cluster', 1, events(1)),
        other.append('cluster', 1, events(1)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream('cluster')).map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('treats a retried append (same event ids) as done, without a duplicate', async () => {
      const store = await openStore();
      const batch = events(2);
      const first = await store.append('task-x', NO_STREAM, batch);
      expect(await store.append('task-x', NO_STREAM, batch)).toEqual(first);
      expect(await store.append('task-x', ANY, batch)).toEqual(first);
      await store.append('task-x', 2, events(1));
      expect(await store.append('task-x', NO_STREAM, batch)).toEqual(first);
      expect(await store.append('task-x', ANY, batch)).toEqual(first);
      expect(await store.headPosition()).toBe(3);
    });

    it('writes only while the fence exists', async () => {
      const store = await openStore();
      const fence = await harness.createFence(store);
      await store.append('app-f', NO_STREAM, events(1), { fence });
      await harness.dropFence(store, fence);
      await expect(store.append('app-f', 1, events(1), { fence })).rejects.toBeInstanceOf(FencedError);
      expect(await store.headPosition()).toBe(1);
    });

    it('rejects an event over the size limit, naming limit and size, writing nothing', async () => {
      const store = await openStore();
      const big = newEvent('Big', { blob: 'x'.repeat(300 * 1024) });
      const failure = store.append('app-big', ANY, [newEvent(), big]);
      await expect(failure).rejects.toBeInstanceOf(EventTooLargeError);
      await expect(failure).rejects.toThrow(/is \d+ bytes, over the limit of \d+ bytes/);
      expect(await store.headPosition()).toBe(0);
    });

    it('finds the one tampered event with verify()', async () => {
      const store = await openStore();
      for (let i = 0; i < 4; i += 1) await store.append(`instance-${i}`, NO_STREAM, events(3));
      expect(await store.verify()).toEqual({ ok: true, checked: 12 });
      await harness.tamper(store, 7, (event) => ({ ...event, data: { forged: true } }));
      expect(await store.verify()).toMatchObject({ ok: false, brokenAt: 7 });
      expect(await store.verify(1, 6)).toEqual({ ok: true, checked: 6 });
      expect(await store.verify(8)).toEqual({ ok: true, checked: 5 });
    });

    it('stores data as JSON at append time, so later changes and values JSON rewrites (dates) do not break the chain', async () => {
      const store = await openStore();
      const data = { at: new Date(5), n: NaN, list: [1] };
      await store.append('app-d', NO_STREAM, [newEvent('Dated', data)]);
      data.list.push(2);
      expect((await store.readStream('app-d'))[0].data).toEqual({
        at: new Date(5).toJSON(),
        n: null,
        list: [1],
      });
      expect(await store.verify()).toEqual({ ok: true, checked: 1 });
    });

    it('upcasts old schema versions on read, leaving the stored chain intact', async () => {
      const upcasters = new UpcasterRegistry()
        .register({ type: 'Renamed', fromVersion: 1, upcast: (data) => ({ ...(data as object), v2: true }) })
        .register({ type: 'Renamed', fromVersion: 2, upcast: (data) => ({ ...(data as object), v3: true }) });
      const store = await openStore({ upcasters });
      await store.append('app-u', NO_STREAM, [{ ...newEvent('Renamed', { name: 'x' }) }]);
      const [event] = await store.readStream('app-u');
      expect(event).toMatchObject({ schemaVersion: 3, data: { name: 'x', v2: true, v3: true } });
      expect((await store.readAll(1, 1))[0].schemaVersion).toBe(3);
      expect(await store.verify()).toEqual({ ok: true, checked: 1 });
    });

    it('subscribes: catch-up, then live, and resumes from its checkpoint', async () => {
      const store = await openStore();
      await store.append('app-s', NO_STREAM, events(3));
      const seen: number[] = [];
      const first = store.subscribe((event) => void seen.push(event.position), { checkpoint: 'view' });
      await first.caughtUp;
      await store.append('app-s', 3, events(2));
      await waitFor(() => seen.length === 5);
      await first.stop();
      expect(await store.loadCheckpoint('view')).toBe(5);

      await store.append('app-s', 5, events(2));
      const resumed: number[] = [];
      const second = store.subscribe((event) => void resumed.push(event.position), { checkpoint: 'view' });
      await second.caughtUp;
      await second.stop();
      expect(seen).toEqual([1, 2, 3, 4, 5]);
      expect(resumed).toEqual([6, 7]);
    });

    it('saves and loads snapshots bigger than one znode', async () => {
      const store = await openStore();
      expect(await store.loadSnapshot('view')).toBeUndefined();
      const rows = Array.from({ length: 60_000 }, (_, i) => ({ i, id: randomBytes(16).toString('hex') }));
      await store.saveSnapshot('view', 41, { rows });
      await store.saveSnapshot('view', 42, { rows });
      expect(await store.loadSnapshot('view')).toEqual({ position: 42, state: { rows } });
    });

    it('keeps order across segment boundaries and across archive + live', async () => {
      const archiveDir = await mkdtemp(join(tmpdir(), 'drove-events-archive-'));
      try {
        const store = await openStore({ archiveDir });
        const sizes = [1, 7, 3, 9, 2, 5, 4, 6, 8, 1, 3, 7, 1];
        for (const [i, size] of sizes.entries()) await store.append(`executor-${i % 3}`, ANY, events(size));
        const total = sizes.reduce((a, b) => a + b, 0);
        const before = await store.readAll(1, 1000);
        expect(await store.archive()).toEqual([0, 1, 2, 3, 4]);
        await store.append('executor-0', ANY, events(2));

        const after = await store.readAll(1, 1000);
        expect(after.map((e) => e.position)).toEqual(range(1, total + 2));
        expect(after.slice(0, total)).toEqual(before);
        expect((await store.readAll(9, 3)).map((e) => e.position)).toEqual([9, 10, 11]);
        expect(await store.verify()).toEqual({ ok: true, checked: total + 2 });
        const stream = await store.readStream('executor-0');
        expect(stream.map((e) => e.streamVersion)).toEqual(range(1, stream.length));

        const seen: number[] = [];
        const subscription = store.subscribe((event) => void seen.push(event.position), { from: 3 });
        await subscription.caughtUp;
        await subscription.stop();
        expect(seen).toEqual(range(3, total + 2));
      } finally {
        await rm(archiveDir, { recursive: true, force: true });
      }
    });

    it('gives concurrent appends distinct, gap-free positions and one unbroken chain', async () => {
      const store = await openStore();
      const results = await Promise.all(
        range(1, 40).map((i) => store.append(`app-${i % 7}`, ANY, events(1 + (i % 3)))),
      );
      const positions = results.flatMap((r) => r.positions).sort((a, b) => a - b);
      expect(positions).toEqual(range(1, positions.length));
      expect(await store.verify()).toEqual({ ok: true, checked: positions.length });
    });
  });
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
