import { ANY, EventStore, ZooKeeperEventStore } from '@drove/events';
import { Client } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { connectZooKeeper, removeTree, zkCall } from '../zookeeper/zookeeper-calls';
import { clusterAt, HISTORY_INDEX } from './cluster-history';

const connectString = process.env.DROVE_ZK_CONNECT ?? '127.0.0.1:2181';
const NOW = 1_700_000_000_000;

describe('audit trail on the real ZooKeeper', () => {
  const root = `/test-audit-${randomUUID()}`;
  const stores: EventStore[] = [];
  let admin: Client;

  const open = async () => {
    const store = await ZooKeeperEventStore.open({ connectString, root });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    admin = await connectZooKeeper(connectString, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
    const store = await open();
    for (let i = 0; i < 25; i++) {
      const executorId = `ex-${i}`;
      const data = {
        executorId,
        hostname: 'h',
        port: 3000 + i,
        transportType: 'HTTP',
        tags: [],
        state: 'ACTIVE',
        at: NOW,
      };
      await store.append(`executor-${executorId}`, ANY, [
        { id: randomUUID(), type: 'ExecutorAdded', data, actor: 'executor:test', time: NOW + i * 1000 },
      ]);
    }
  });

  afterAll(async () => {
    for (const store of stores) await store.close();
    await removeTree(admin, root);
    admin.close();
  });

  it('saves history snapshots that another store reads back with the same answers', async () => {
    const writer = stores[0];
    const full = await clusterAt(writer, NOW + 20_500, 1_000_000);
    expect(full.executors).toHaveLength(21);
    expect(await clusterAt(writer, NOW + 20_500, 8)).toEqual(full);
    const reader = await open();
    const index = await reader.loadSnapshot<{ entries: { position: number }[] }>(HISTORY_INDEX);
    expect(index?.state.entries.map((e) => e.position)).toEqual([8, 16]);
    expect(await clusterAt(reader, NOW + 20_500, 8)).toEqual(full);
    expect((await clusterAt(reader, NOW + 9_000, 8)).executors).toHaveLength(10);
  });

  it('verify names the first position whose znode was tampered with', async () => {
    expect(await (await open()).verify(1, 25)).toMatchObject({ ok: true, checked: 25 });
    const segment = `${root}/log/seg-000000000000`;
    const children = await zkCall<string[]>((cb) => admin.getChildren(segment, cb));
    const entry = `${segment}/${children.find((name) => name.startsWith('e-000000000012-')) as string}`;
    const data = await zkCall<Buffer>((cb) => admin.getData(entry, cb));
    const events = JSON.parse(data.toString('utf8')) as { actor: string }[];
    events[0].actor = 'mallory';
    await zkCall((cb) => admin.setData(entry, Buffer.from(JSON.stringify(events)), -1, cb));
    expect(await (await open()).verify(1, 25)).toMatchObject({ ok: false, brokenAt: 12 });
  });
});
