import { CreateMode } from 'node-zookeeper-client';
import {
  ANY,
  NO_STREAM,
  type AppendResult,
  type ExpectedVersion,
  type NewEvent,
} from '../core/event-store.port';
import { newEvent, range } from '../test/event-store.contract';
import { connectAdmin, connectString, testRoot } from '../test/zk-test-support';
import type { Zk } from './zk-client';
import { ZooKeeperEventStore } from './zookeeper-event-store';

/** A small deterministic generator, so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each([1, 2, 3])('ZooKeeper event store under a random concurrent load (seed %d)', (seed) => {
  let admin: Zk;
  const root = testRoot('events-stress');

  beforeAll(async () => {
    admin = await connectAdmin();
  });
  afterAll(async () => {
    await admin.removeTree(root);
    admin.close();
  });

  it('keeps every success in the log exactly once, fails only with typed errors, and keeps one chain', async () => {
    const next = random(seed);
    const stores = await Promise.all(
      [2, 3].map((maxInFlight) =>
        ZooKeeperEventStore.open({ connectString, root, segmentSize: 25, maxInFlight }),
      ),
    );
    const live = await admin.create(`${root}/leader-`, Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL);
    const gone = await admin.create(`${root}/leader-`, Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL);
    await admin.remove(gone);
    const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)];

    const calls = range(1, 150).map(() => {
      const events: NewEvent[] = range(1, 1 + Math.floor(next() * 4)).map(() => newEvent());
      const expected: ExpectedVersion = pick([ANY, ANY, ANY, ANY, NO_STREAM, 1, 2, 3, 5, 8]);
      const fence = pick([undefined, live, live, live, live, gone]);
      const store = pick(stores);
      return { events, run: () => store.append(pick(['a', 'b', 'c', 'd']), expected, events, { fence }) };
    });
    const results = await Promise.allSettled(calls.map((call) => call.run()));

    const errors = new Set(
      results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).name] : [])),
    );
    expect([...errors].every((name) => ['WrongExpectedVersionError', 'FencedError'].includes(name))).toBe(
      true,
    );
    const log = await stores[0].readAll(1, 10_000);
    expect(log.map((event) => event.position)).toEqual(range(1, log.length));
    const byId = new Map(log.map((event) => [event.id, event]));
    let written = 0;
    results.forEach((result, i) => {
      const ids = calls[i].events.map((event) => event.id);
      if (result.status === 'rejected') {
        expect(ids.some((id) => byId.has(id))).toBe(false);
        return;
      }
      const { positions } = result.value as AppendResult;
      expect(positions.map((position) => log[position - 1].id)).toEqual(ids);
      written += ids.length;
    });
    expect(log).toHaveLength(written);
    for (const stream of ['a', 'b', 'c', 'd']) {
      const versions = (await stores[1].readStream(stream)).map((event) => event.streamVersion);
      expect(versions).toEqual(range(1, versions.length));
    }
    expect(await stores[1].verify()).toEqual({ ok: true, checked: written });
    await Promise.all(stores.map((store) => store.close()));
  });
});
