import { Logger } from '@nestjs/common';
import { EventStore, ZooKeeperEventStore } from '@drove/events';
import { Client } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { ClusterViewService } from '../projections/cluster-view.service';
import { SyntheticCluster } from '../testing/synthetic-cluster';
import { TestFence } from '../testing/test-fence';
import { connectZooKeeper, removeTree, zkCall } from '../zookeeper/zookeeper-calls';
import { ViewSnapshotConfig } from './view-snapshot.config';
import { ViewSnapshotWriter } from './view-snapshot-writer';
import { VIEW_SNAPSHOT } from './view-snapshots';

Logger.overrideLogger(false);

const connectString = process.env.DROVE_ZK_CONNECT ?? '127.0.0.1:2181';
const T0 = 1_700_000_000_000;
const EVENTS = 600;

describe('cluster view snapshots on the real ZooKeeper', () => {
  const root = `/test-view-snapshots-${randomUUID()}`;
  const stores: EventStore[] = [];
  const services: ClusterViewService[] = [];
  let admin: Client;

  const open = async (): Promise<EventStore> => {
    const store = await ZooKeeperEventStore.open({ connectString, root });
    stores.push(store);
    return store;
  };
  const startView = async (store: EventStore, fence = new TestFence()): Promise<ClusterViewService> => {
    const service = new ClusterViewService(store, fence);
    services.push(service);
    await service.onApplicationBootstrap();
    return service;
  };

  beforeAll(async () => {
    admin = await connectZooKeeper(connectString, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
    const store = await open();
    const cluster = new SyntheticCluster(store, T0, { apps: 6, instances: 40, tasks: 10 });
    for (let i = 0; (await store.headPosition()) < EVENTS; i++)
      await cluster.step({ kind: (i * 7) % 11, a: (i * 13) % 41, b: (i * 5) % 29 });
  });

  afterAll(async () => {
    for (const service of services) await service.onModuleDestroy();
    for (const store of stores) await store.close();
    await removeTree(admin, root);
    admin.close();
  });

  it("a leader's snapshot lets another controller start from it with the same view as a full replay", async () => {
    const leaderStore = stores[0];
    const fence = new TestFence();
    const leaderView = await startView(leaderStore, fence);
    const head = await leaderStore.headPosition();
    expect(leaderView.lastRebuild).toMatchObject({ snapshotPosition: 0, replayedEvents: head });
    fence.lead('/leader/c-1');
    const config = Object.assign(new ViewSnapshotConfig(), { everyEvents: 100 });
    const clock = { now: () => Date.now() };
    expect(await new ViewSnapshotWriter(leaderStore, fence, leaderView, clock, config).tick()).toBe(head);

    const started = await startView(await open());
    expect(started.lastRebuild).toMatchObject({ snapshotPosition: head, replayedEvents: 0 });
    expect(started.view.snapshot()).toEqual(leaderView.view.snapshot());
  });

  it('a snapshot damaged in ZooKeeper is ignored: full replay, same view', async () => {
    const path = `${root}/snapshots/${VIEW_SNAPSHOT}`;
    const [chunk] = await zkCall<string[]>((cb) => admin.getChildren(path, cb));
    await zkCall((cb) => admin.setData(`${path}/${chunk}`, Buffer.from('not deflated JSON'), -1, cb));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const started = await startView(await open());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/view snapshot not used \(unreadable/));
    expect(started.lastRebuild).toMatchObject({
      snapshotPosition: 0,
      replayedEvents: services[0].lastRebuild?.replayedEvents,
    });
    expect(started.view.snapshot()).toEqual(services[0].view.snapshot());
  });
});
