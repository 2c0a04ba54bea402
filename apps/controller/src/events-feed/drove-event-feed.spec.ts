import { StoredEvent } from '@drove/events';
import { DroveEventFeed } from './drove-event-feed';

let position = 0;
const maintenance = (time: number, set = true): StoredEvent => {
  position += 1;
  return {
    id: `e-${position}`,
    type: set ? 'MaintenanceModeSet' : 'MaintenanceModeRemoved',
    schemaVersion: 1,
    stream: 'cluster',
    streamVersion: position,
    position,
    time,
    actor: 'test',
    correlationId: null,
    causationId: null,
    data: { hostname: 'ctl', at: time },
    prevHash: '',
    hash: '',
  };
};

const feedOf = (...times: number[]): DroveEventFeed => {
  const feed = new DroveEventFeed();
  for (const t of times) feed.apply(maintenance(t));
  return feed;
};

/** Polls as a client does from a cursor before every event, passing back lastSyncTime, until a page is empty. */
const pollAll = async (
  feed: DroveEventFeed,
  size: number,
  from = 1,
): Promise<{ ids: string[]; pages: number }> => {
  const ids: string[] = [];
  let lastSyncTime = from;
  let pages = 0;
  for (;;) {
    const page = await feed.latest(lastSyncTime, size);
    if (page.events.length === 0) return { ids, pages };
    pages += 1;
    ids.push(...page.events.map((e) => e.id).reverse());
    lastSyncTime = page.lastSyncTime;
  }
};

describe('DroveEventFeed', () => {
  beforeEach(() => {
    position = 0;
  });

  it('after a cursor, pages the oldest events first, newest first within a page, resuming after the last returned', async () => {
    const feed = feedOf(10, 20, 30, 40, 50);
    expect(await feed.latest(5, 2)).toEqual({
      events: [
        { type: 'MAINTENANCE_MODE_SET', id: 'e-2', time: 20, metadata: { HOSTNAME: 'ctl' } },
        { type: 'MAINTENANCE_MODE_SET', id: 'e-1', time: 10, metadata: { HOSTNAME: 'ctl' } },
      ],
      lastSyncTime: 20,
    });
    expect((await feed.latest(20, 2)).events.map((e) => e.id)).toEqual(['e-4', 'e-3']);
    expect(await feed.latest(50, 2)).toEqual({ events: [], lastSyncTime: 50 });
    expect(await feed.latest(0, 0)).toEqual({ events: [], lastSyncTime: 0 });
  });

  it("without a cursor (lastSyncTime 0, the drove CLI's first call) answers the newest events", async () => {
    const feed = feedOf(10, 20, 30, 40, 50);
    expect(await feed.latest(0, 2)).toEqual({
      events: [
        { type: 'MAINTENANCE_MODE_SET', id: 'e-5', time: 50, metadata: { HOSTNAME: 'ctl' } },
        { type: 'MAINTENANCE_MODE_SET', id: 'e-4', time: 40, metadata: { HOSTNAME: 'ctl' } },
      ],
      lastSyncTime: 50,
    });
    expect((await feed.latest(0, 10)).events.map((e) => e.id)).toEqual(['e-5', 'e-4', 'e-3', 'e-2', 'e-1']);
    expect(await new DroveEventFeed().latest(0, 10)).toEqual({ events: [], lastSyncTime: 0 });
  });

  it.each([
    ['no shared times', [2, 3, 4, 5, 6, 7, 8], 3],
    ['a page boundary inside one millisecond', [2, 3, 3, 3, 4, 5], 2],
    ['a millisecond holding more than a page', [2, 5, 5, 5, 5, 5, 6], 2],
    ['every event in one millisecond', [9, 9, 9, 9], 1],
  ])('a client polling page by page gets every event once, in log order (%s)', async (_name, times, size) => {
    const { ids } = await pollAll(feedOf(...times), size);
    expect(ids).toEqual(times.map((_t, i) => `e-${i + 1}`));
  });

  it('never lets time go backwards (another controller clock behind) so the cursor skips nothing', async () => {
    const feed = feedOf(100, 90, 110);
    expect((await feed.latest(0, 10)).events.map((e) => [e.id, e.time])).toEqual([
      ['e-3', 110],
      ['e-2', 100],
      ['e-1', 100],
    ]);
    expect((await pollAll(feed, 1)).ids).toEqual(['e-1', 'e-2', 'e-3']);
  });

  it('skips positions already applied (at-least-once delivery)', async () => {
    const feed = new DroveEventFeed();
    const first = maintenance(10);
    feed.apply(first);
    feed.apply(first);
    expect((await feed.latest(0, 10)).events).toHaveLength(1);
    expect(feed.position).toBe(1);
  });

  it('summarises every event after lastSyncTime per type, however many', async () => {
    const feed = new DroveEventFeed();
    for (let t = 1; t <= 3000; t += 1) feed.apply(maintenance(t, t % 3 !== 0));
    expect(feed.summary(1000)).toEqual({
      eventsCount: { MAINTENANCE_MODE_SET: 1333, MAINTENANCE_MODE_REMOVED: 667 },
      lastSyncTime: 3000,
    });
    expect(feed.summary(3000)).toEqual({ eventsCount: {}, lastSyncTime: 3000 });
  });
});
