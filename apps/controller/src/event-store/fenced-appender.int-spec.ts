import { Logger } from '@nestjs/common';
import { Client } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { NO_STREAM, NewEvent } from '@drove/events';
import { NotLeaderError } from '../http/drove-errors';
import { LeaderElection } from '../leadership/leader-election';
import { ClusterViewService } from '../projections/cluster-view.service';
import { PartitionableProxy } from '../testing/partitionable-proxy';
import { waitUntil } from '../testing/wait-until';
import { connectZooKeeper, removeTree } from '../zookeeper/zookeeper-calls';
import { electionFence, Fence } from './fence';
import { FencedAppender } from './fenced-appender';
import { openControllerEventStore } from './open-controller-event-store';

const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const SESSION_TIMEOUT_MS = 4000;

const event = (): NewEvent => ({ id: randomUUID(), type: 'Probe', data: {} });

describe('the controller event store on the real ZooKeeper', () => {
  const nameSpace = `drove-test-cqrs-${randomUUID()}`;
  const closers: (() => Promise<unknown>)[] = [];
  let admin: Client;

  /** A controller's election (direct) and event store (through `storeVia`, which a test may cut). */
  const controller = async (port: number, storeVia = connectString) => {
    const election = new LeaderElection({
      connectString,
      root: `/${nameSpace}`,
      candidate: { hostname: 'localhost', port, transportType: 'HTTP' },
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    const store = await openControllerEventStore({
      connectionString: storeVia,
      nameSpace,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    const expired = { count: 0 };
    store.onSessionExpired(() => expired.count++);
    closers.push(
      () => election.stop(),
      () => store.close(),
    );
    await election.start();
    return { election, store, expired, appender: new FencedAppender(store, electionFence(election)) };
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    admin = await connectZooKeeper(connectString, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  });

  afterAll(async () => {
    await removeTree(admin, `/${nameSpace}`);
    admin.close();
  });

  it('lets only the current leader append: a deposed leader is refused, even with its old fence', async () => {
    const a = await controller(4000);
    const b = await controller(4010);
    expect(a.election.state).toBe('LEADER');
    await a.appender.append('app-fenced', NO_STREAM, [event()]);
    await expect(b.appender.append('app-fenced', 1, [event()])).rejects.toThrow(NotLeaderError);

    const oldFence = a.election.fencePath as string;
    // A leader that has not noticed it was deposed still holds its old znode path.
    const stale: Fence = { path: () => oldFence, onLeading: () => () => undefined };
    const deposed = new FencedAppender(a.store, stale);
    await a.election.stop();
    await waitUntil('b to lead', () => b.election.state === 'LEADER');

    await expect(deposed.append('app-fenced', 1, [event()])).rejects.toThrow(NotLeaderError);
    await expect(a.appender.append('app-fenced', 1, [event()])).rejects.toThrow(NotLeaderError);
    expect(await b.store.headPosition()).toBe(1);
    await b.appender.append('app-fenced', 1, [event()]);
    expect((await a.store.readStream('app-fenced')).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('replaces an expired store session: appends work again and the view follows the log again', async () => {
    const proxy = new PartitionableProxy(connectString);
    await proxy.open();
    closers.push(() => proxy.cut());
    const a = await controller(4000, `127.0.0.1:${proxy.port}`);
    const view = new ClusterViewService(a.store, electionFence(a.election));
    await view.onApplicationBootstrap();
    closers.push(() => view.onModuleDestroy());
    const before = await a.appender.append('probe-1', NO_STREAM, [event()]);
    expect(await view.reached(before.positions[0])).toBe(true);

    await proxy.cut();
    await new Promise((r) => setTimeout(r, SESSION_TIMEOUT_MS + 2000));
    await proxy.open();
    await waitUntil('the store to report its expired session', () => a.expired.count > 0);

    const after = await a.appender.append('probe-1', 1, [event()]);
    expect(after.positions).toEqual([before.positions[0] + 1]);
    expect(await view.reached(after.positions[0], 10000)).toBe(true);
  });
});
