import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createSocket } from 'node:dgram';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, textOf } from '../runtime/container-runtime.contract';
import { DockerContainerRuntime } from '../runtime/docker/docker-container-runtime';
import { appSpec, taskSpec, uniqueSuffix } from '../testing/container-spec.fixture';
import { foreignContainer } from '../testing/foreign-container.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerLauncher } from './container-launcher';
import { HostPortRange } from './host-port-range';
import { recoverInstances } from './instance-recovery';
import { isTcpPortFree } from './port-probe';
import { watchTask } from './task-outcome';
import { ZombieReaper } from './zombie-reaper';
import { removeRunContainers } from '../testing/run-containers.fixture';

async function httpGet(url: string, deadlineMs = 10000): Promise<{ status: number; body: string }> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await fetch(url);
      return { status: res.status, body: await res.text() };
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('ContainerLauncher on dockerd', () => {
  const run = uniqueSuffix();
  const runtime = new DockerContainerRuntime();
  const portRange = new HostPortRange(42000, 42999, isTcpPortFree);
  const launcher = new ContainerLauncher(
    runtime,
    launcherSettings(run, { portRange, hostname: 'executor-host' }),
  );
  let configServer: Server;
  let configDir: string;

  beforeAll(async () => {
    configServer = createServer((req, res) =>
      res.end(`fetched ${req.url} ${req.headers.authorization ?? ''}`),
    );
    await new Promise<void>((resolve) => configServer.listen(0, '127.0.0.1', resolve));
    configDir = await mkdtemp(join(tmpdir(), 'drove-ts-configs-'));
    await writeFile(join(configDir, 'host.yml'), 'from: host\n');
  });

  afterAll(async () => {
    await removeRunContainers(runtime, run);
    configServer.close();
    await rm(configDir, { recursive: true, force: true });
  });

  it('runs an app instance pinned, limited, configured, with its env, reachable on its host port', async () => {
    const fetchPort = (configServer.address() as AddressInfo).port;
    const spec = appSpec({
      env: { GREETING: 'hello' },
      configs: [
        {
          type: 'INLINE',
          localFilename: '/testfiles/inline.txt',
          data: Buffer.from('inline-data').toString('base64'),
        },
        {
          type: 'EXECUTOR_LOCAL_FILE',
          localFilename: '/etc/drove/host.yml',
          filePathOnHost: join(configDir, 'host.yml'),
        },
        {
          type: 'EXECUTOR_HTTP_FETCH',
          localFilename: '/etc/drove/fetched.txt',
          http: {
            protocol: 'HTTP',
            hostname: '127.0.0.1',
            port: fetchPort,
            path: '/cfg',
            username: 'u',
            password: 'p',
          },
        },
      ],
    });
    expect(await launcher.provision(spec)).toBe(false);
    const launched = await launcher.launch(spec, { wire: 'spec' });
    const hostPort = launched.info.localInfo.ports.main?.hostPort ?? 0;
    expect(hostPort).toBeGreaterThanOrEqual(42000);

    expect(await httpGet(`http://127.0.0.1:${hostPort}/`)).toMatchObject({ status: 200 });
    expect(await httpGet(`http://127.0.0.1:${hostPort}/files/inline.txt`)).toEqual({
      status: 200,
      body: 'inline-data',
    });

    const details = await runtime.inspect(launched.containerId);
    expect(details).toMatchObject({ cpusetCpus: '0', cpusetMems: '0', memoryBytes: 64 * 1024 * 1024 });
    const sh = async (cmd: string) => (await runtime.exec(launched.containerId, ['sh', '-c', cmd])).output;
    expect(await sh('cat /etc/drove/host.yml')).toBe('from: host\n');
    expect(await sh('cat /etc/drove/fetched.txt')).toBe(
      `fetched /cfg Basic ${Buffer.from('u:p').toString('base64')}`,
    );
    expect(await sh('echo $HOST $PORT_8000 $GREETING $DROVE_INSTANCE_ID $DROVE_APP_NAME')).toBe(
      `executor-host ${hostPort} hello ${spec.identity.instanceId} ${(spec.identity as { appName: string }).appName}\n`,
    );
  });

  it('lets dockerd choose the host port when no range is configured', async () => {
    const engineLauncher = new ContainerLauncher(runtime, launcherSettings(run));
    const launched = await engineLauncher.launch(appSpec(), {});
    const hostPort = launched.info.localInfo.ports.main?.hostPort ?? 0;
    expect(hostPort).toBeGreaterThan(0);
    expect((await httpGet(`http://127.0.0.1:${hostPort}/`)).status).toBe(200);
  });

  it.each([
    [0, 'SUCCESSFUL'],
    [3, 'FAILED'],
  ])('runs a task to exit code %i: %s', async (code, status) => {
    const launched = await launcher.launch(taskSpec({ ITERATIONS: '1', EXIT_CODE: String(code) }), {});
    expect(await watchTask(runtime, launched.containerId, new AbortController().signal)).toMatchObject({
      status,
      exitCode: code,
    });
  });

  it('kills a running task: CANCELLED', async () => {
    const launched = await launcher.launch(taskSpec({ ITERATIONS: '100' }), {});
    const kill = new AbortController();
    setTimeout(() => kill.abort(), 300);
    expect(await watchTask(runtime, launched.containerId, kill.signal)).toMatchObject({
      status: 'CANCELLED',
    });
    expect((await runtime.inspect(launched.containerId))?.running).toBe(false);
  });

  it('forwards output to syslog for RSYSLOG logging and keeps it readable through the engine', async () => {
    const syslog = createSocket('udp4');
    const received: string[] = [];
    syslog.on('message', (msg) => received.push(msg.toString()));
    await new Promise<void>((resolve) => syslog.bind(0, '127.0.0.1', resolve));
    try {
      const spec = taskSpec({ ITERATIONS: '2' });
      spec.logging = {
        type: 'RSYSLOG',
        server: `udp://127.0.0.1:${syslog.address().port}`,
        tagPrefix: 'drove-',
      };
      const launched = await launcher.launch(spec, {});
      await runtime.wait(launched.containerId);
      const end = Date.now() + 5000;
      while (received.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(received.join('')).toContain(`drove-${spec.identity.instanceId}`);
      expect(received.join('')).toContain('Iteration: 2');
      const chunks = await collect(await runtime.logs(launched.containerId, { follow: false }));
      expect(textOf(chunks)).toBe('Iteration: 1\nIteration: 2\n');
    } finally {
      syslog.close();
    }
  });

  it('recovers running instances from labels, and reaps zombies but never unlabelled containers', async () => {
    const known = await launcher.launch(appSpec(), { role: 'known' });
    const zombie = await launcher.launch(appSpec(), { role: 'zombie' });
    const plain = await runtime.create({ ...foreignContainer('plain', { 'drove-ts.run': run }) });
    await runtime.start(plain);
    const finished = await launcher.launch(taskSpec({ ITERATIONS: '1', EXIT_CODE: '3' }), {
      role: 'finished',
    });
    await runtime.wait(finished.containerId);

    const ownership = { executorId: 'executor-test', hostname: 'localhost', scope: { 'drove-ts.run': run } };
    const recovered = await recoverInstances(runtime, ownership);
    const mine = recovered.find((r) => r.containerId === known.containerId);
    expect(mine).toMatchObject({ spec: { role: 'known' }, info: known.info });
    expect(recovered.some((r) => r.containerId === plain)).toBe(false);
    expect(recovered.find((r) => r.containerId === finished.containerId)).toMatchObject({
      running: false,
      exitCode: 3,
      spec: { role: 'finished' },
    });

    const reaper = new ZombieReaper(runtime, 0, Date.now, ownership);
    const knownIds = new Set(
      (await runtime.list({ labels: { 'drove-ts.run': run }, all: true }))
        .map((c) => c.labels['drove.instance.id'] ?? '')
        .filter((id) => id !== zombie.info.instanceId),
    );
    const removed = await reaper.reap(knownIds);
    expect(removed.map((z) => z.id)).toEqual([zombie.containerId]);
    expect(await runtime.inspect(zombie.containerId)).toBeUndefined();
    expect((await runtime.inspect(known.containerId))?.running).toBe(true);
    expect((await runtime.inspect(plain))?.running).toBe(true);
  });
});
