import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { removeRunContainers } from '../apps/executor/src/testing/run-containers.fixture';
import { repoRoot, waitFor } from './support/processes';

// The whole of `npm run cluster` / `npm run cluster:down` on this file's ports (6100-6199): its own ZooKeeper on
// 6190, which provision.sh starts for the cluster (so cluster:down must stop it), next to the shared dockerd
// (running before, so cluster:down must leave it alone). DROVE_SKIP_BUILD: the e2e tier builds first.
const CONTROLLERS = [6100, 6110];
const ZK_PORT = 6190;
const run = `cluster-scripts-${randomUUID()}`;
// Made by the first test's beforeAll (writeConfigs), so a run that skips those tests leaves nothing behind.
const scratch = join(tmpdir(), `drove-${run}`);
const configDir = join(scratch, 'config');
const localDir = join(scratch, 'local');
const state = join(localDir, 'cluster');
const env = {
  ...process.env,
  DROVE_CLUSTER_CONFIG_DIR: configDir,
  DROVE_LOCAL_DIR: localDir,
  DROVE_SKIP_BUILD: '1',
  DROVE_SKIP_IMAGES: '1',
};

function writeConfigs(): void {
  mkdirSync(configDir, { recursive: true });
  const zookeeper = `zookeeper: { connectionString: "127.0.0.1:${ZK_PORT}" }`;
  // A short monitor period: the instance lost by cluster:down is replaced within seconds, not 30 s.
  const controller = (port: number) =>
    `server: { port: ${port}, adminPort: ${port + 1} }\n${zookeeper}\noptions: { appMonitorIntervalMs: 2000 }\n`;
  writeFileSync(join(configDir, 'controller.yml'), controller(CONTROLLERS[0]));
  writeFileSync(join(configDir, 'controller-2.yml'), controller(CONTROLLERS[1]));
  writeFileSync(
    join(configDir, 'executor.yml'),
    [
      'server: { port: 6120, adminPort: 6121 }',
      zookeeper,
      'hostPorts: { from: 46100, to: 46199 }',
      // Labels of this run: they narrow what the executor recovers and reaps (already only its own id's).
      `options: { containerLabels: { drove-ts.test: "1", drove-ts.run: "${run}" } }`,
    ].join('\n'),
  );
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function script(
  name: 'cluster.sh' | 'cluster-down.sh',
  args: string[] = [],
  localDirOverride = localDir,
): Promise<Run> {
  return new Promise((done) => {
    const child = spawn('bash', [join(repoRoot, 'deploy', 'local', name), ...args], {
      env: { ...env, DROVE_LOCAL_DIR: localDirOverride },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const pidOf = (name: string) => Number(readFileSync(join(state, `${name}.pid`), 'utf8'));
const alive = (pid: number) => existsSync(`/proc/${pid}`);
const pingStatus = (port: number) =>
  fetch(`http://127.0.0.1:${port}/apis/v1/ping`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status,
    () => 0,
  );

function zkAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => socket.end('ruok'));
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    socket.on('close', () => done(reply === 'imok'));
    socket.on('error', () => done(false));
  });
}

async function leader(): Promise<{ port: number; name: string; standby: number }> {
  const statuses = await Promise.all(CONTROLLERS.map(pingStatus));
  const index = statuses.indexOf(200);
  if (index < 0) throw new Error(`no controller leads: ${statuses.join(', ')}`);
  return {
    port: CONTROLLERS[index],
    name: ['controller', 'controller-2'][index],
    standby: CONTROLLERS[1 - index],
  };
}

// Signals the leader and returns how long until the standby answers ping 200.
async function failover(signal: NodeJS.Signals): Promise<number> {
  const { name, standby } = await leader();
  const pid = pidOf(name);
  const start = Date.now();
  process.kill(pid, signal);
  await waitFor(
    'the standby to lead',
    async () => ((await pingStatus(standby)) === 200 ? true : undefined),
    20000,
  );
  const took = Date.now() - start;
  await waitFor(`${name} to exit`, async () => (alive(pid) ? undefined : true), 15000);
  return took;
}

// The id of the sample app's HEALTHY instance, as the leader lists it.
async function healthyInstance(): Promise<string | undefined> {
  const { port } = await leader();
  const body = (await (
    await fetch(`http://127.0.0.1:${port}/apis/v1/applications/sample-app-1/instances`)
  ).json()) as { data: { instanceId: string; state: string }[] };
  return body.data.find((i) => i.state === 'HEALTHY')?.instanceId;
}

async function sampleAppAnswers(stdout: string): Promise<string> {
  const url = /sample app\s+(http:\/\/127\.0\.0\.1:461\d\d\/)/.exec(stdout)?.[1];
  expect(url).toBeDefined();
  return (await fetch(`${url}files/drove.txt`)).text();
}

describe('npm run cluster and cluster:down (deploy/local) on ports 6100-6199', () => {
  let removedInstance: string | undefined;
  beforeAll(writeConfigs);

  afterAll(async () => {
    await script('cluster-down.sh');
    await removeRunContainers(new DockerContainerRuntime(), run);
    rmSync(scratch, { recursive: true, force: true });
  }, 120000);

  it('starts the ZooKeeper it lacks, the processes and the sample app, and says how to reach them', async () => {
    const up = await script('cluster.sh');
    expect(up).toMatchObject({ status: 0, stderr: '' });
    expect(up.stdout).toMatch(/provision: dockerd\s+found running/);
    expect(up.stdout).toMatch(new RegExp(`provision: zookeeper\\s+started on 127\\.0\\.0\\.1:${ZK_PORT} `));
    const { port } = await leader();
    expect(up.stdout).toContain(`API           http://127.0.0.1:${port}/apis/v1 (the leader`);
    expect(up.stdout).toContain(`drove-cli     drove -e http://127.0.0.1:${port} apps list`);
    expect(await sampleAppAnswers(up.stdout)).toBe('Hello from Drove-TS\n');
    expect(readFileSync(join(state, 'started-services'), 'utf8')).toMatch(/^zookeeper \d+\n$/);
  }, 180000);

  it('a SIGTERM of the leader hands over at once; after a kill -9 the standby leads within seconds', async () => {
    expect(await failover('SIGTERM')).toBeLessThan(2000);
    const again = await script('cluster.sh');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/cluster: controller(-2)? started/);
    // The controllers' default 5 s session, which ZooKeeper expires on its next 2 s tick.
    expect(await failover('SIGKILL')).toBeLessThan(9000);
    expect((await script('cluster.sh')).status).toBe(0);
  }, 180000);

  it("cluster:down stops its processes, its executor's container and the ZooKeeper it started, not dockerd", async () => {
    const pids = ['executor', 'controller', 'controller-2'].map(pidOf);
    removedInstance = await healthyInstance();
    expect(removedInstance).toMatch(/^AI-/);
    const down = await script('cluster-down.sh');
    expect(down).toMatchObject({ status: 0, stderr: '' });
    expect(down.stdout).toMatch(/removed 1 container\(s\) of executor /);
    expect(down.stdout).toMatch(/zookeeper stopped/);
    expect(pids.filter(alive)).toEqual([]);
    expect(await new DockerContainerRuntime().list({ labels: { 'drove-ts.run': run }, all: true })).toEqual(
      [],
    );
    expect(await zkAnswers(ZK_PORT)).toBe(false);
    expect(existsSync(join(state, 'started-services'))).toBe(false);

    const twice = await script('cluster-down.sh');
    expect(twice.status).toBe(0);
    expect(twice.stdout).toContain('cluster: executor was not running');
    expect(twice.stdout).toContain('none was started by npm run cluster, none stopped');
  }, 120000);

  it('cluster after cluster:down: ZooKeeper again, and the lost instance replaced from the log', async () => {
    const up = await script('cluster.sh');
    expect(up).toMatchObject({ status: 0, stderr: '' });
    expect(up.stdout).toContain('cluster: sample-app-1 already deployed');
    expect(await sampleAppAnswers(up.stdout)).toBe('Hello from Drove-TS\n');
    const replacement = await healthyInstance();
    expect(replacement).toMatch(/^AI-/);
    expect(replacement).not.toBe(removedInstance);
  }, 180000);
});

describe('cluster:down and the services provision.sh started (stand-ins named like them)', () => {
  let dir = '';
  const standIns: ChildProcess[] = [];
  // A process whose command line names the service, as `ps` shows dockerd or ZooKeeper's java.
  const standIn = (name: string) => {
    const child = spawn('bash', ['-c', `exec -a ${name} sleep 300`], { stdio: 'ignore' });
    standIns.push(child);
    return child.pid as number;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'drove-cluster-down-'));
  });

  afterAll(() => {
    standIns.forEach((c) => c.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the recorded ones that are still those programs, and only once', async () => {
    const dockerd = standIn('dockerd');
    const zookeeper = standIn('java-org.apache.zookeeper.server.ZooKeeperServerMain');
    // A recorded pid now used by something else, as after a reboot: never signalled.
    const reused = standIn('sleepy');
    mkdirSync(join(dir, 'cluster'), { recursive: true });
    writeFileSync(
      join(dir, 'cluster', 'started-services'),
      `dockerd ${dockerd}\nzookeeper ${zookeeper}\nzookeeper ${reused}\n`,
    );

    const kept = await script('cluster-down.sh', ['--keep-services'], dir);
    expect(kept.stdout).toContain('ZooKeeper and dockerd kept (--keep-services)');
    expect([dockerd, zookeeper].filter(alive)).toHaveLength(2);

    const down = await script('cluster-down.sh', [], dir);
    expect(down).toMatchObject({ status: 0, stderr: '' });
    expect(down.stdout.split('\n').filter((l) => /zookeeper|dockerd/.test(l))).toEqual([
      `cluster: zookeeper stopped (pid ${zookeeper})`,
      `cluster: zookeeper (pid ${reused}) was no longer running`,
      `cluster: dockerd stopped (pid ${dockerd})`,
    ]);
    expect(alive(reused)).toBe(true);
    expect(existsSync(join(dir, 'cluster', 'started-services'))).toBe(false);
    expect((await script('cluster-down.sh', [], dir)).stdout).toContain(
      'none was started by npm run cluster',
    );
  });

  it('refuses an unknown option with exit status 2', async () => {
    const run = await script('cluster-down.sh', ['--everything'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: cluster-down.sh [--keep-containers] [--keep-services]');
  });
});
