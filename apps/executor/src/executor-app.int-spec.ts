import { parseConfig } from '@drove/config';
import { ZooKeeperSession } from './cluster/zookeeper-session';
import { ExecutorConfig } from './config/executor-config';
import { RunningExecutor, startExecutor } from './executor-app';
import { uniqueSuffix } from './testing/container-spec.fixture';
import { appInstanceJson } from './testing/engine.fixture';
import { freePort, until } from './testing/process.fixture';
import { removeZkTree } from './testing/zookeeper-tree.fixture';

const ZK = '127.0.0.1:2181';
const header = { id: 'm-1', senderType: 'CONTROLLER', direction: 'REQUEST', messageTime: 1 };

describe('hollow executors in one process', () => {
  const ns = `test-executor-hollow-${uniqueSuffix()}`;
  const executors: RunningExecutor[] = [];
  const zk = new ZooKeeperSession(ZK, 10000);

  const started: { port: number; instanceId: string }[] = [];

  const post = (port: number, body: object) =>
    fetch(`http://127.0.0.1:${port}/apis/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cluster-authorization': 'DefaultControllerSecret' },
      body: JSON.stringify({
        header,
        address: { executorId: 'x', hostname: 'h', port, transportType: 'HTTP' },
        ...body,
      }),
    });

  const nodes = async () =>
    (await zk.children(`/${ns}/executor`)).map((n) => ({
      name: n.name,
      states: (JSON.parse(n.data.toString()) as { instances: { state: string }[] }).instances.map(
        (i) => i.state,
      ),
    }));

  const settle = (what: string, done: () => Promise<boolean>) =>
    until(what, async () => ((await done()) ? true : undefined), 20000);

  afterAll(async () => {
    // Executors leave their containers running when they stop; hollow ones would keep checking them.
    await Promise.all(
      started.map(({ port, instanceId }) => post(port, { type: 'STOP_INSTANCE', instanceId })),
    );
    await settle('all instances stopped', async () => (await nodes()).every((n) => n.states.length === 0));
    await Promise.all(executors.map((e) => e.stop()));
    zk.close();
    await removeZkTree(ZK, `/${ns}`);
  });

  it('each runs its instance to HEALTHY and publishes it under its own znode', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [port, adminPort] = [await freePort(), await freePort()];
      const yaml = [
        `server: { hostname: hollow-${i}, port: ${port}, adminPort: ${adminPort}, bindAddress: 127.0.0.1 }`,
        `zookeeper: { connectionString: "${ZK}", nameSpace: ${ns} }`,
        'runtime: { type: HOLLOW, hollowSecondMs: 10 }',
        'resources: { syntheticTopology: "package:1 [numa(memory=4GB)] core:2 pu:1" }',
      ].join('\n');
      executors.push(await startExecutor(parseConfig(ExecutorConfig, yaml, `hollow-${i}`, {})));
      ports.push(port);
    }
    for (const port of ports) {
      const spec = appInstanceJson();
      const res = await post(port, { type: 'START_INSTANCE', spec });
      expect(((await res.json()) as { status: string }).status).toBe('ACCEPTED');
      started.push({ port, instanceId: spec.instanceId as string });
    }
    const healthyNodes = async (): Promise<string[]> =>
      (await nodes())
        .filter((n) => n.states.includes('HEALTHY'))
        .map((n) => n.name)
        .sort();
    await settle('three HEALTHY executors', async () => (await healthyNodes()).length === 3);
    expect(await healthyNodes()).toEqual(ports.map((p, i) => `hollow-${i}-${p}`).sort());
  });
});
