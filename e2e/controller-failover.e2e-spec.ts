import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ping, soleLeader, startController } from './support/controllers';
import { stopApp, waitFor } from './support/processes';
import { removeNamespace } from './support/cluster';

const namespace = `drove-e2e-failover-${randomUUID()}`;
const ports = [4600, 4610];

describe('two controller processes on the real ZooKeeper', () => {
  const processes = new Map<number, ChildProcess>();

  beforeEach(async () => {
    for (const port of ports) processes.set(port, startController(port, namespace));
    await waitFor('one leader among both controllers', () => soleLeader(ports));
  });

  afterEach(async () => {
    await Promise.all([...processes.values()].map((p) => stopApp(p)));
    processes.clear();
  });

  afterAll(async () => {
    await removeNamespace(namespace);
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
