import { CreateMode } from 'node-zookeeper-client';
import type { EventStore, StoredEvent } from '../core/event-store.port';
import { eventStoreContract, type StoreSettings } from '../test/event-store.contract';
import { connectAdmin, connectString, testRoot } from '../test/zk-test-support';
import type { Zk } from './zk-client';
import { parseItem, ZkLayout } from './zk-layout';
import { ZooKeeperEventStore } from './zookeeper-event-store';

const roots = new Map<EventStore, string>();
let admin: Zk | undefined;
const adminZk = async (): Promise<Zk> => (admin ??= await connectAdmin());

async function openAt(root: string, settings: StoreSettings): Promise<EventStore> {
  const store = await ZooKeeperEventStore.open({ connectString, root, ...settings });
  roots.set(store, root);
  return store;
}

async function tamper(
  store: EventStore,
  position: number,
  change: (event: StoredEvent) => StoredEvent,
): Promise<void> {
  const zk = await adminZk();
  const layout = new ZkLayout(roots.get(store)!, 10);
  const segment = layout.segment(layout.segmentOf(position));
  const item = (await zk.getChildren(segment))
    .map(parseItem)
    .find((candidate) => candidate && candidate.first <= position && candidate.last >= position)!;
  const path = `${segment}/${item.name}`;
  const events = JSON.parse((await zk.getData(path)).data.toString('utf8')) as StoredEvent[];
  const changed = events.map((event) => (event.position === position ? change(event) : event));
  await zk.setData(path, Buffer.from(JSON.stringify(changed)));
}

eventStoreContract('ZooKeeper', {
  open: (settings) => openAt(testRoot('events'), settings),
  peer: (store, settings) => openAt(roots.get(store)!, settings),
  createFence: async (store) => {
    const zk = await adminZk();
    return zk.create(`${roots.get(store)!}/leader-`, Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL);
  },
  dropFence: async (_store, fence) => (await adminZk()).remove(fence),
  tamper,
  dispose: async () => {
    const zk = await adminZk();
    for (const root of new Set(roots.values())) await zk.removeTree(root);
    zk.close();
  },
});
