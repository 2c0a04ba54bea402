import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connectZooKeeper, removeTree } from '../apps/controller/src/zookeeper/zookeeper-calls';
import { startApp, stopApp, waitFor, writeConfig, zkConnect } from './support/processes';

const namespace = `drove-e2e-failover-${randomUUID()}`;
const ports = [4600, 4610];

function startController(port: number): ChildProcess {
  const name = `controller-${port}`;
  const config = writeConfig(
    name,
    [
      'server:',
      '  hostname: 127.0.0.1',
      `  port: ${port}`,
      `  adminPort: ${port + 1}`,
      '  bindAddress: 127.0.0.1',
      'zookeeper:',
      `  connectionString: ${zkConnect}`,
      `  nameSpace: ${namespace}`,
      '  sessionTimeoutMs: 4000',
    ].join('\n'),
  );
  return startApp('controller', name, ['--config', config]);
}

async function ping(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/apis/v1/ping`, { signal: AbortSignal.timeout(2000) });
  return res.status;
}

/** The port answering ping with 200 while every other controller answers 400, as drove-gateway expects. */
async function soleLeader(candidates: number[]): Promise<number | undefined> {
  const codes = await Promise.all(candidates.map(ping));
  const leaders = candidates.filter((_, i) => codes[i] === 200);
  return leaders.length === 1 && codes.every((c) => c === 200 || c === 400) ? leaders[0] : undefined;
}

describe('two controller processes on the real ZooKeeper', () => {
  const processes = new Map<number, ChildProcess>();

  beforeEach(async () => {
    for (const port of ports) processes.set(port, startController(port));
    await waitFor('one leader among both controllers', () => soleLeader(ports));
  });

  afterEach(async () => {
    await Promise.all([...processes.values()].map((p) => stopApp(p)));
    processes.clear();
  });

  afterAll(async () => {
    const admin = await connectZooKeeper(zkConnect, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
    await removeTree(admin, `/${namespace}`);
    admin.close();
  });

  it('moves leadership at once when the leader shuts down cleanly', async () => {
    const leader = (await soleLeader(ports)) as number;
    const follower = ports.find((p) => p !== leader) as number;
    await stopApp(processes.get(leader) as ChildProcess, 'SIGTERM');

    await waitFor(
      'the follower to lead',
      async () => ((await ping(follower)) === 200 ? true : undefined),
      3000,
    );
  });

  it('moves leadership once the session of a killed leader expires', async () => {
    const leader = (await soleLeader(ports)) as number;
    const follower = ports.find((p) => p !== leader) as number;
    await stopApp(processes.get(leader) as ChildProcess, 'SIGKILL');
    expect(await ping(follower)).toBe(400);

    await waitFor(
      'the follower to lead',
      async () => ((await ping(follower)) === 200 ? true : undefined),
      15000,
    );
  });
});
