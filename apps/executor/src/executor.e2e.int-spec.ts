import { ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZooKeeperSession } from './cluster/zookeeper-session';
import { DockerContainerRuntime } from './runtime/docker/docker-container-runtime';
import { uniqueSuffix } from './testing/container-spec.fixture';
import { appInstanceJson } from './testing/engine.fixture';
import { FakeLeader, ReceivedReport, startFakeLeader } from './testing/fake-leader.fixture';
import { freePort, until } from './testing/process.fixture';
import { removeRunContainers } from './testing/run-containers.fixture';
import { removeZkTree } from './testing/zookeeper-tree.fixture';

jest.setTimeout(90000);

const ZK = '127.0.0.1:2181';
const REPO = join(__dirname, '..', '..', '..');
const header = { id: 'm-1', senderType: 'CONTROLLER', direction: 'REQUEST', messageTime: 1 };

describe('executor process (e2e)', () => {
  const get = (path: string, secret?: string) =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers: secret ? { 'cluster-authorization': secret } : {} });

  const checkLogsAndAdmin = async (appId: string, instanceId: string): Promise<void> => {
    const base = `/apis/v1/logs/filestream/${appId}/${instanceId}`;
    expect(await (await get(`${base}/list`, 'ControllerSecret')).json()).toEqual({ files: ['output.log'] });
    expect((await get(`${base}/list`)).status).toBe(401);
    const read = await get(`${base}/read/output.log?offset=0&length=10`, 'ControllerSecret');
    expect(await read.json()).toEqual({ data: expect.any(String), offset: 0 });
    const escape = await get(`${base}/read/..%2F..%2Fexecutor.yml`, 'ControllerSecret');
    expect(escape.status).toBe(400);
    expect((await get(`${base}/download/output.log`, 'ControllerSecret')).status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${adminPort}/healthcheck`);
    expect(await health.json()).toEqual({ 'docker-engine': { healthy: true } });
    expect((await fetch(`http://127.0.0.1:${adminPort}/metrics`)).status).toBe(200);
  };

  const run = uniqueSuffix();
  const ns = `test-executor-${run}`;
  const runtime = new DockerContainerRuntime();
  const zk = new ZooKeeperSession(ZK, 10000);
  let leader: FakeLeader;
  // Only reports carrying the EXECUTOR secret count.
  const reports = (): ReceivedReport[] =>
    leader.received.filter((r) => r.headers['cluster-authorization'] === 'ExecutorSecret');
  let dir: string;
  let configPath: string;
  let port: number;
  let adminPort: number;
  let child: ChildProcess | undefined;

  const startExecutor = async (): Promise<void> => {
    const log = openSync(join(dir, 'executor.log'), 'a');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/executor/src/main.ts', '--config', configPath],
      {
        cwd: REPO,
        stdio: ['ignore', log, log],
      },
    );
    await until('the admin port', async () =>
      (await fetch(`http://127.0.0.1:${adminPort}/ping`)).ok ? true : undefined,
    );
  };

  const killExecutor = async (): Promise<void> => {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGKILL');
    await exited;
    child = undefined;
  };

  const post = (body: unknown, secret?: string) =>
    fetch(`http://127.0.0.1:${port}/apis/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'cluster-authorization': secret } : {}) },
      body: JSON.stringify(body),
    });

  const reported = (instanceId: string, state: string, after = 0) =>
    until(`${instanceId} ${state}`, async () =>
      reports()
        .slice(after)
        .find((r) => r.instanceInfo.instanceId === instanceId && r.instanceInfo.state === state),
    );

  beforeAll(async () => {
    leader = await startFakeLeader();
    await zk.writeEphemeral(`/${ns}/leader/c-0000000001`, Buffer.from(JSON.stringify(leader.address)));
    [port, adminPort] = [await freePort(), await freePort()];
    dir = await mkdtemp(join(tmpdir(), 'drove-ts-executor-e2e-'));
    configPath = join(dir, 'executor.yml');
    await writeFile(
      configPath,
      [
        'server: { hostname: localhost, port: ' +
          port +
          ', adminPort: ' +
          adminPort +
          ', bindAddress: 127.0.0.1 }',
        `zookeeper: { connectionString: "${ZK}", nameSpace: ${ns} }`,
        'clusterAuth:',
        '  secrets: [{ nodeType: CONTROLLER, secret: ControllerSecret }, { nodeType: EXECUTOR, secret: ExecutorSecret }]',
        'docker: { stopGraceSeconds: 1, maxOpenFiles: 1024 }',
        'hostPorts: { from: 43600, to: 43699 }',
        `logs: { root: "${join(dir, 'logs')}" }`,
        `options: { containerLabels: { drove-ts.test: "1", drove-ts.run: "${run}" } }`,
      ].join('\n'),
    );
    await startExecutor();
  });

  afterAll(async () => {
    if (child) await killExecutor();
    await removeRunContainers(runtime, run);
    zk.close();
    await removeZkTree(ZK, `/${ns}`);
    await leader.close();
    if (process.env.KEEP_E2E_DIR) process.stdout.write(`kept ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  });

  it('refuses a wrong secret with 401 and starts nothing', async () => {
    const spec = appInstanceJson();
    const address = { executorId: 'x', hostname: 'localhost', port, transportType: 'HTTP' };
    const res = await post({ type: 'START_INSTANCE', header, address, spec }, 'ExecutorSecretNot');
    expect(res.status).toBe(401);
    expect(
      await runtime.list({ labels: { 'drove.instance.id': spec.instanceId as string }, all: true }),
    ).toEqual([]);
  });

  it('runs a START_INSTANCE to HEALTHY, publishes it in ZooKeeper, and keeps it across a killed executor', async () => {
    const spec = appInstanceJson();
    const id = spec.instanceId as string;
    const address = { executorId: 'x', hostname: 'localhost', port, transportType: 'HTTP' };
    const res = await post({ type: 'START_INSTANCE', header, address, spec }, 'ControllerSecret');
    expect(await res.json()).toEqual({ header, status: 'ACCEPTED' });
    await reported(id, 'HEALTHY');
    const node = `/${ns}/executor`;
    const published = await until('the node data', async () => {
      const [entry] = await zk.children(node);
      const data = entry && JSON.parse(entry.data.toString('utf8'));
      return data?.instances?.some((i: { state: string }) => i.state === 'HEALTHY') ? data : undefined;
    });
    expect(published).toMatchObject({
      type: 'EXECUTOR',
      hostname: 'localhost',
      port,
      executorState: 'ACTIVE',
    });
    const [container] = await runtime.list({ labels: { 'drove.instance.id': id }, all: false });
    await checkLogsAndAdmin(spec.appId as string, id);

    await killExecutor();
    const before = reports().length;
    await startExecutor();
    await reported(id, 'HEALTHY', before);
    expect(
      reports()
        .slice(before)
        .filter((r) => r.instanceInfo.instanceId === id)
        .map((r) => r.instanceInfo.state),
    ).toEqual(['UNKNOWN', 'UNREADY', 'READY', 'HEALTHY']);
    expect(await runtime.list({ labels: { 'drove.instance.id': id }, all: true })).toEqual([
      expect.objectContaining({ id: container?.id, running: true }),
    ]);

    const stopped = reports().length;
    await post({ type: 'STOP_INSTANCE', header, address, instanceId: id }, 'ControllerSecret');
    await reported(id, 'STOPPED', stopped);
    expect(await runtime.list({ labels: { 'drove.instance.id': id }, all: true })).toEqual([]);
  });
});
