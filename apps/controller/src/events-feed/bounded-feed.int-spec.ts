import { Logger } from '@nestjs/common';
import { EventStore, ZooKeeperEventStore } from '@drove/events';
import { Client } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { plainFeedFold } from '../testing/plain-feed-fold';
import { SyntheticCluster, settledSteps } from '../testing/synthetic-cluster';
import { waitUntil } from '../testing/wait-until';
import { connectZooKeeper, removeTree } from '../zookeeper/zookeeper-calls';
import { DroveEventFeed } from './drove-event-feed';
import { EventsFeedConfig } from './events-feed.config';
import { EventsFeedService } from './events-feed.service';

Logger.overrideLogger(false);

const connectString = process.env.DROVE_ZK_CONNECT ?? '127.0.0.1:2181';
const T0 = 1_700_000_000_000;
const sizes = { apps: 5, instances: 200, tasks: 200 };

describe('the bounded event feed on the real ZooKeeper', () => {
  const root = `/test-events-feed-${randomUUID()}`;
  let admin: Client;
  let store: EventStore;
  let service: EventsFeedService;
  let cluster: SyntheticCluster;

  beforeAll(async () => {
    admin = await connectZooKeeper(connectString, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
    store = await ZooKeeperEventStore.open({ connectString, root });
    cluster = new SyntheticCluster(store, T0, sizes, 1);
    for (const step of settledSteps(sizes, 0, 150)) await cluster.step(step);
    const config = Object.assign(new EventsFeedConfig(), { recentEntries: 100, checkpointEvery: 100 });
    service = new EventsFeedService(store, config);
    service.onApplicationBootstrap();
    await service.ready;
  }, 60_000);

  afterAll(async () => {
    await service?.onModuleDestroy();
    await store?.close();
    await removeTree(admin, root);
    admin.close();
  });

  /** Every page asked of the feed (old ones read back from ZooKeeper) equals the one of a feed holding all. */
  async function expectSameAsWholeFold(): Promise<void> {
    const head = await store.headPosition();
    const events = await store.readAll(1, head);
    const whole = new DroveEventFeed();
    for (const e of events) whole.apply(e);
    const times = plainFeedFold(events).map((entry) => entry.event.time);
    expect(service.feed.length).toBe(times.length);
    expect(service.feed.inMemory).toBeLessThan(200);
    for (let i = 0; i < times.length; i += 97) {
      for (const cursor of [times[i] - 1, times[i]]) {
        expect(await service.feed.latest(cursor, 64)).toEqual(await whole.latest(cursor, 64));
      }
    }
    expect(await service.feed.read(0, service.feed.length)).toEqual(plainFeedFold(events));
  }

  it('answers old pages from the log exactly as a feed keeping every event', async () => {
    expect(service.feed.length).toBeGreaterThan(700);
    await expectSameAsWholeFold();
  });

  it('keeps answering so while the log grows live', async () => {
    for (const step of settledSteps(sizes, 150, 200)) await cluster.step(step);
    const head = await store.headPosition();
    await waitUntil('the feed has the log', () => service.feed.position === head);
    await expectSameAsWholeFold();
  });
});
