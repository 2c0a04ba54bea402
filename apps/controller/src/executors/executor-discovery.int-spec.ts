import { Client, CreateMode } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { ExecutorNodeDataJson } from '@drove/domain';
import { FakeExecutor } from '../testing/fake-executor';
import { waitUntil } from '../testing/wait-until';
import { connectZooKeeper, ensurePath, removeTree, zkCall } from '../zookeeper/zookeeper-calls';
import { ExecutorDiscovery } from './executor-discovery';
import { ExecutorRegistry } from './executor-registry';

const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const ZK = { sessionTimeoutMs: 4000, connectTimeoutMs: 10000 };

describe('executor discovery on the real ZooKeeper', () => {
  const root = `/test-controller-executors-${randomUUID()}`;
  const registry = new ExecutorRegistry();
  const changes: string[] = [];
  const errors: unknown[] = [];
  let discovery: ExecutorDiscovery;
  let admin: Client;
  let executorSession: Client;

  const json = (data: ExecutorNodeDataJson) => Buffer.from(JSON.stringify(data));
  const register = (client: Client, name: string, data: ExecutorNodeDataJson) =>
    zkCall((cb) => client.create(`${root}/executor/${name}`, json(data), CreateMode.EPHEMERAL, cb));

  beforeAll(async () => {
    admin = await connectZooKeeper(connectString, ZK);
    executorSession = await connectZooKeeper(connectString, ZK);
    await ensurePath(admin, `${root}/executor`);
    registry.onChange((c) =>
      changes.push(
        c.type === 'UPDATED' ? `${c.identity.executorId}:${c.identity.executorState}` : `-${c.executorId}`,
      ),
    );
    discovery = new ExecutorDiscovery(registry, {
      connectionString: connectString,
      root,
      ...ZK,
      now: () => Date.now(),
      onError: (e) => errors.push(e),
    });
  });

  afterAll(async () => {
    discovery.stop();
    executorSession.close();
    await removeTree(admin, root);
    admin.close();
  });

  it('sees executors register, change state, and vanish with their session', async () => {
    const first = new FakeExecutor('exec-a', 'host-a', 3000);
    await register(admin, 'host-a-3000', first.nodeData());
    await discovery.start();
    expect(registry.get('exec-a')?.hostname).toBe('host-a');

    const second = new FakeExecutor('exec-b', 'host-b', 3001);
    await register(executorSession, 'host-b-3001', second.nodeData());
    await waitUntil('exec-b discovered', () => registry.get('exec-b') !== undefined, 5000);
    expect(registry.scheduler.cluster.get('exec-b')).toBeDefined();

    // a refresh with nothing new changes nothing the log would record; a state change does
    await zkCall((cb) => admin.setData(`${root}/executor/host-a-3000`, json(first.nodeData()), -1, cb));
    const unready = { ...first.nodeData(), executorState: 'UNREADY' as const };
    await zkCall((cb) => admin.setData(`${root}/executor/host-a-3000`, json(unready), -1, cb));
    await waitUntil('exec-a UNREADY', () => registry.get('exec-a')?.executorState === 'UNREADY', 5000);

    // the executor's session ends: its ephemeral znode goes, and so does the executor
    executorSession.close();
    await waitUntil('exec-b removed', () => registry.get('exec-b') === undefined, 10000);
    expect(registry.scheduler.cluster.get('exec-b')).toBeUndefined();
    expect(registry.recentlyRemoved(Date.now()).map((d) => d.state.executorId)).toEqual(['exec-b']);
    expect(changes).toEqual(['exec-a:ACTIVE', 'exec-b:ACTIVE', 'exec-a:UNREADY', '-exec-b']);
    expect(errors).toEqual([]);
  });
});
