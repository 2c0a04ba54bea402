import { EventEmitter } from 'node:events';
import { MemoryEventStore, StoredEvent } from '@drove/events';
import { DroveEventFeed } from '../events-feed/drove-event-feed';
import { parseSse } from '../testing/parse-sse';
import { StreamClient, StreamSink } from './stream-client';
import { parseEventId, StreamCursor } from './stream-cursor';
import { parseStreamFilter, StreamFilter } from './stream-filter';

/** A connection that accepts `room` frames, then reports itself full until `read()` empties it. */
class FakeSink extends EventEmitter implements StreamSink {
  text = '';
  pending = 0;
  ended = false;
  destroyed = false;
  constructor(private readonly room = Infinity) {
    super();
  }
  write(chunk: string): boolean {
    this.text += chunk;
    this.pending += 1;
    return this.pending < this.room;
  }
  read(): void {
    this.pending = 0;
    this.emit('drain');
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
  get ids(): (string | undefined)[] {
    return parseSse(this.text).messages.map((m) => m.id);
  }
}

let position = 0;
const stored = (type: string, data: Record<string, unknown>): StoredEvent => {
  position += 1;
  return {
    ...{ id: `e-${position}`, type, schemaVersion: 1, stream: 'cluster', streamVersion: position },
    ...{ position, time: 1000 + position, actor: 'test', correlationId: null, causationId: null },
    ...{ data, prevHash: '', hash: '' },
  };
};
const maintenance = (set = true) =>
  stored(set ? 'MaintenanceModeSet' : 'MaintenanceModeRemoved', { hostname: 'ctl', at: 0 });
const leaderChange = () => stored('LeadershipAcquired', { hostname: 'c2', previousLeader: 'c1', at: 0 });

interface Harness {
  feed: DroveEventFeed;
  sink: FakeSink;
  client: StreamClient;
  clock: { at: number };
}

function connect(
  feed: DroveEventFeed,
  after: StreamCursor,
  options: { room?: number; filter?: StreamFilter } = {},
): Harness {
  const sink = new FakeSink(options.room);
  const clock = { at: 0 };
  const client = new StreamClient(
    sink,
    { feed, horizon: () => feed.position },
    after,
    options.filter ?? (() => true),
    { heartbeatIntervalMs: 1000, stallTimeoutMs: 5000, retryMs: 700, now: () => clock.at },
    () => undefined,
  );
  client.start();
  return { feed, sink, client, clock };
}

const feedWith = (...events: StoredEvent[]): DroveEventFeed => {
  const feed = new DroveEventFeed();
  for (const e of events) feed.apply(e);
  return feed;
};
const toggles = (n: number): StoredEvent[] => Array.from({ length: n }, (_, i) => maintenance(i % 2 === 0));
const cursor = (id: string): StreamCursor => parseEventId(id) as StreamCursor;
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('StreamClient', () => {
  beforeEach(() => {
    position = 0;
  });

  it('opens with retry, catches up after the cursor, then follows live appends with the position as id', () => {
    const { feed, sink, client } = connect(feedWith(...toggles(3)), cursor('1'));
    expect(parseSse(sink.text).retry).toBe(700);
    expect(sink.ids).toEqual(['2', '3']);
    feed.apply(maintenance());
    client.pump();
    expect(sink.ids).toEqual(['2', '3', '4']);
    expect(parseSse(sink.text).messages[2].data).toEqual({
      type: 'MAINTENANCE_MODE_SET',
      id: 'e-4',
      time: 1004,
      metadata: { HOSTNAME: 'ctl' },
    });
  });

  it('holds back entries above the horizon and sends them once it passes them', () => {
    const feed = feedWith(...toggles(2));
    const sink = new FakeSink();
    const limit = { at: 1 };
    const client = new StreamClient(
      sink,
      { feed, horizon: () => limit.at },
      { position: 0, index: 0 },
      () => true,
      { heartbeatIntervalMs: 1000, stallTimeoutMs: 5000, retryMs: 0, now: () => 0 },
      () => undefined,
    );
    client.start();
    expect(sink.ids).toEqual(['1']);
    limit.at = 2;
    client.pump();
    expect(sink.ids).toEqual(['1', '2']);
  });

  it('skips positions up to a cursor the feed has not reached yet (an id from a controller further ahead)', () => {
    const { feed, sink, client } = connect(feedWith(maintenance()), cursor('3'));
    for (const e of toggles(3)) feed.apply(e);
    client.pump();
    expect(sink.ids).toEqual(['4']);
  });

  it('gives the first of two events of one position a sub-id, so resuming after it repeats and skips nothing', () => {
    const feed = feedWith(maintenance(), leaderChange(), maintenance(false));
    const all = connect(feed, cursor('0'));
    expect(all.sink.ids).toEqual(['1', '2.0', '2', '3']);
    expect(parseSse(all.sink.text).messages.map((m) => m.data.type)).toEqual([
      'MAINTENANCE_MODE_SET',
      'LEADERSHIP_LOST',
      'LEADERSHIP_ACQUIRED',
      'MAINTENANCE_MODE_REMOVED',
    ]);
    expect(connect(feed, cursor('2.0')).sink.ids).toEqual(['2', '3']);
    expect(connect(feed, cursor('2')).sink.ids).toEqual(['3']);
  });

  it('sends only what the filter passes, and still moves past the rest', () => {
    const filter = parseStreamFilter('MAINTENANCE_MODE_REMOVED', undefined) as StreamFilter;
    const { sink } = connect(feedWith(...toggles(6)), cursor('0'), { filter });
    expect(sink.ids).toEqual(['2', '4', '6']);
  });

  it('stops writing while the connection is full, resumes on drain, and delivers each event once in order', () => {
    const h = connect(feedWith(...toggles(10)), cursor('0'), { room: 3 });
    expect(h.sink.ids).toEqual(['1', '2']);
    for (const e of toggles(5)) h.feed.apply(e);
    h.client.pump();
    expect(h.sink.ids).toEqual(['1', '2']);
    for (let i = 0; i < 10; i += 1) h.sink.read();
    expect(h.sink.ids).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
  });

  it('is stalled once the connection stays full for stallTimeoutMs, and is then torn down, not flushed', () => {
    const h = connect(feedWith(...toggles(5)), cursor('0'), { room: 2 });
    h.clock.at = 4999;
    expect(h.client.tick()).toBe('open');
    h.clock.at = 5000;
    expect(h.client.tick()).toBe('stalled');
    h.client.close();
    expect(h.sink).toMatchObject({ destroyed: true, ended: false });
    expect(h.client.isClosed).toBe(true);
  });

  it('sends a heartbeat comment only after heartbeatIntervalMs without a write, and ends cleanly when reading', () => {
    const h = connect(feedWith(), cursor('0'));
    h.clock.at = 999;
    h.client.tick();
    expect(parseSse(h.sink.text).comments).toEqual(['stream open']);
    h.clock.at = 1000;
    h.client.tick();
    h.clock.at = 1500;
    h.client.tick();
    expect(parseSse(h.sink.text).comments).toEqual(['stream open', 'heartbeat']);
    h.client.close();
    expect(h.sink).toMatchObject({ destroyed: false, ended: true });
  });

  it('spreads a long catch-up over turns of the event loop and still sends all of it', async () => {
    const h = connect(feedWith(...toggles(1200)), cursor('0'));
    expect(h.sink.ids).toHaveLength(500);
    await settle();
    await settle();
    await settle();
    expect(h.sink.ids).toEqual(Array.from({ length: 1200 }, (_, i) => String(i + 1)));
  });

  it('reads entries the feed no longer holds back from the log, through a full connection, each once in order', async () => {
    const store = new MemoryEventStore();
    for (const e of [...toggles(700), leaderChange(), ...toggles(600)])
      await store.append('cluster', 'any', [e]);
    const feed = new DroveEventFeed({
      read: (from, limit) => store.readAll(from, limit),
      recentEntries: 100,
    });
    for (const e of await store.readAll(1, 2000)) feed.apply(e);
    expect(feed.inMemory).toBeLessThan(200);
    const h = connect(feed, cursor('650'), { room: 50 });
    for (let turn = 0; turn < 100 && h.sink.ids.length < 652; turn += 1) {
      await settle();
      h.sink.read();
    }
    const ids = [...Array.from({ length: 50 }, (_, i) => String(651 + i)), '701.0'];
    expect(h.sink.ids).toEqual([...ids, ...Array.from({ length: 601 }, (_, i) => String(701 + i))]);
  });
});
