import fc from 'fast-check';
import { minimalApplicationSpecJson } from '@drove/domain/testing/spec-fixtures';
import { MemoryEventStore, NewEvent } from '@drove/events';
import { plainFeedFold } from '../testing/plain-feed-fold';
import { DroveEventFeed } from './drove-event-feed';

const T0 = 1_700_000_000_000;

/** One log event of a kind the feed maps (or skips), on a small pool of apps and executors so they collide. */
const logEvent = fc
  .record({ kind: fc.integer({ min: 0, max: 8 }), id: fc.integer({ min: 0, max: 3 }), n: fc.nat(5) })
  .map(({ kind, id, n }): Omit<NewEvent, 'id' | 'time'> => {
    const appId = `app-${id}`;
    const executorId = `ex-${id}`;
    const spec = { ...minimalApplicationSpecJson(), name: appId, version: `${n}` };
    return [
      { type: 'ApplicationCreated', data: { appId, spec, instances: n } },
      { type: 'ApplicationScalingRequested', data: { appId, requiredInstances: n } },
      { type: 'ApplicationOperationCompleted', data: { appId, state: 'RUNNING', instances: n } },
      { type: 'ExecutorAdded', data: { executorId, hostname: `h-${n}`, port: 3000 + n } },
      { type: 'ExecutorBlacklisted', data: { executorId } },
      { type: 'MaintenanceModeSet', data: { hostname: 'ctl' } },
      // two Drove events from one position (LEADERSHIP_LOST, then LEADERSHIP_ACQUIRED)
      { type: 'LeadershipAcquired', data: { hostname: `c-${n}`, previousLeader: `c-${id}` } },
      { type: 'InstanceStartRequested', data: { instanceId: `AI-${id}` } },
      { type: 'SomethingUnknown', data: {} },
    ][kind];
  });

/** A log whose store clock may go back a little (another controller's clock) or stand still (shared ms). */
const logs = fc.array(fc.tuple(logEvent, fc.integer({ min: -2, max: 3 })), { minLength: 1, maxLength: 120 });

async function storeOf(log: [Omit<NewEvent, 'id' | 'time'>, number][]): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  let time = T0;
  for (const [i, [event, step]] of log.entries()) {
    time += step;
    await store.append('s', 'any', [{ ...event, id: `e-${i}`, time }]);
  }
  return store;
}

const settings = fc.record({
  recentEntries: fc.integer({ min: 1, max: 8 }),
  checkpointEvery: fc.integer({ min: 1, max: 8 }),
});

describe('a bounded event feed answers exactly as the whole fold', () => {
  it('its entries, read back from the log, are those of a plain fold, for any range', async () => {
    await fc.assert(
      fc.asyncProperty(logs, settings, fc.nat(), fc.nat(), async (log, options, a, b) => {
        const store = await storeOf(log);
        const events = await store.readAll(1, log.length);
        const feed = new DroveEventFeed({ read: (from, limit) => store.readAll(from, limit), ...options });
        for (const e of events) feed.apply(e);
        const expected = plainFeedFold(events);
        expect(await feed.read(0, feed.length)).toEqual(expected);
        const [start, end] = [a % (expected.length + 1), b % (expected.length + 1)].sort((x, y) => x - y);
        expect(await feed.read(start, end)).toEqual(expected.slice(start, end));
        expect(feed.inMemory).toBeLessThan(2 * options.recentEntries);
      }),
      { numRuns: 150 },
    );
  });

  it('pages, cursors and summaries are the same as with everything kept in memory', async () => {
    const queries = fc.array(
      fc.tuple(fc.nat(), fc.integer({ min: -1, max: 1 }), fc.integer({ min: 0, max: 12 })),
      {
        minLength: 1,
        maxLength: 10,
      },
    );
    await fc.assert(
      fc.asyncProperty(logs, settings, queries, async (log, options, asked) => {
        const store = await storeOf(log);
        const events = await store.readAll(1, log.length);
        const bounded = new DroveEventFeed({ read: (from, limit) => store.readAll(from, limit), ...options });
        const whole = new DroveEventFeed();
        for (const e of events) [bounded, whole].forEach((feed) => feed.apply(e));
        const times = plainFeedFold(events).map((entry) => entry.event.time);
        for (const [pick, shift, size] of asked) {
          // cursors at, just before and just after entry times, and 0 (no cursor)
          const lastSyncTime = times.length === 0 || pick % 7 === 0 ? 0 : times[pick % times.length] + shift;
          expect(await bounded.latest(lastSyncTime, size)).toEqual(await whole.latest(lastSyncTime, size));
          expect(bounded.summary(lastSyncTime)).toEqual(whole.summary(lastSyncTime));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a client polling page by page from the start gets every event once, in log order', async () => {
    await fc.assert(
      fc.asyncProperty(logs, settings, fc.integer({ min: 1, max: 6 }), async (log, options, size) => {
        const store = await storeOf(log);
        const events = await store.readAll(1, log.length);
        const feed = new DroveEventFeed({ read: (from, limit) => store.readAll(from, limit), ...options });
        for (const e of events) feed.apply(e);
        const ids: string[] = [];
        for (let lastSyncTime = 1; ;) {
          const page = await feed.latest(lastSyncTime, size);
          if (page.events.length === 0) break;
          ids.push(...page.events.map((e) => e.id).reverse());
          lastSyncTime = page.lastSyncTime;
        }
        expect(ids).toEqual(plainFeedFold(events).map((entry) => entry.event.id));
      }),
      { numRuns: 100 },
    );
  });

  it('a log that no longer maps to the same entries is an error, not a page with events missing', async () => {
    const store = await storeOf(
      Array.from({ length: 10 }, () => [{ type: 'MaintenanceModeSet', data: {} }, 1]),
    );
    const events = await store.readAll(1, 10);
    const feed = new DroveEventFeed({
      read: async (from, limit) =>
        (await store.readAll(from, limit)).map((e) => ({ ...e, type: 'MaintenanceModeRemoved' })),
      recentEntries: 2,
      checkpointEvery: 2,
    });
    for (const e of events) feed.apply(e);
    await expect(feed.latest(1, 3)).rejects.toThrow('does not map to feed entry');
    await expect(feed.latest(0, 2)).resolves.toMatchObject({ events: { length: 2 } });
  });
});
