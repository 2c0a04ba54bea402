import { Client } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { LeaderElection, LeadershipState } from './leader-election';
import { connectZooKeeper, removeTree, zkCall } from '../zookeeper/zookeeper-calls';
import { PartitionableProxy } from '../testing/partitionable-proxy';
import { waitUntil } from '../testing/wait-until';

const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;

describe('LeaderElection on the real ZooKeeper', () => {
  const root = `/drove-test-election-${randomUUID()}`;
  const elections: LeaderElection[] = [];
  let admin: Client;

  function candidate(port: number, via = connectString): LeaderElection {
    const election = new LeaderElection({
      connectString: via,
      root,
      candidate: { hostname: 'localhost', port, transportType: 'HTTP' },
      sessionTimeoutMs: 4000,
    });
    elections.push(election);
    return election;
  }
  const leaders = () => elections.filter((e) => e.state === 'LEADER');

  beforeAll(async () => {
    admin = await connectZooKeeper(connectString, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
  });

  afterEach(async () => {
    await Promise.all(elections.splice(0).map((e) => e.stop()));
  });

  afterAll(async () => {
    await removeTree(admin, root);
    admin.close();
  });

  it('elects exactly one leader, whose fence znode exists, and tells followers who leads', async () => {
    const [a, b, c] = [candidate(4000), candidate(4010), candidate(4020)];
    await a.start();
    await b.start();
    await c.start();

    expect(leaders()).toEqual([a]);
    expect([b.state, c.state]).toEqual(['FOLLOWER', 'FOLLOWER']);
    expect(b.fencePath).toBeNull();
    const fence = a.fencePath as string;
    expect(fence).toMatch(new RegExp(`^${root}/leader/c-\\d+$`));
    expect(await zkCall((cb) => admin.exists(fence, cb))).not.toBeNull();
    expect(await c.leader()).toEqual({ hostname: 'localhost', port: 4000, transportType: 'HTTP' });
  });

  it('hands leadership to the next candidate when the leader stops, and only to it', async () => {
    const [a, b, c] = [candidate(4000), candidate(4010), candidate(4020)];
    await a.start();
    await b.start();
    await c.start();
    const seen: LeadershipState[] = [];
    b.onChange((change) => seen.push(change.state));

    await a.stop();
    await waitUntil('b to lead', () => b.state === 'LEADER');
    expect(leaders()).toEqual([b]);
    expect(c.state).toBe('FOLLOWER');
    expect(seen).toEqual(['LEADER']);
    expect(await c.leader()).toMatchObject({ port: 4010 });
  });

  it('deposes a leader cut off past its session timeout: fence gone, it rejoins as a follower', async () => {
    const proxy = new PartitionableProxy(connectString);
    await proxy.open();
    const [a, b] = [candidate(4000, `127.0.0.1:${proxy.port}`), candidate(4010)];
    await a.start();
    await b.start();
    const oldFence = a.fencePath as string;
    const changes: string[] = [];
    a.onChange((change) => changes.push(change.state));

    await proxy.cut();
    await waitUntil('a to suspend', () => a.state === 'SUSPENDED');
    await waitUntil('b to lead', () => b.state === 'LEADER');
    expect(a.fencePath).toBeNull();
    await proxy.open();

    await waitUntil(
      'a to rejoin as follower',
      async () => a.state === 'FOLLOWER' && (await a.leader())?.port === 4010,
    );
    expect(changes.slice(0, 2)).toEqual(['SUSPENDED', 'FOLLOWER']);
    expect(a.fencePath).toBeNull();
    expect(await zkCall((cb) => admin.exists(oldFence, cb))).toBeNull();
    expect(leaders()).toEqual([b]);

    await b.stop();
    await waitUntil('a to lead again', () => a.state === 'LEADER');
    expect(a.fencePath).not.toBe(oldFence);
    expect(await zkCall((cb) => admin.exists(a.fencePath as string, cb))).not.toBeNull();
    await a.stop();
    await proxy.cut();
  });
});
