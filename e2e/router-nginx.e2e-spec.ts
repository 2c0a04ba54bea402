import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DroveRouter } from '../deploy/router/src/drove-router';
import { soleLeader, startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { removeRun, waitForActiveExecutor } from './support/cluster';

// The reference router of deploy/router against two controllers, an executor running real containers, and a real
// nginx (Debian's) of this test's own: own prefix and config under a temp dir, listening on loopback only.
const namespace = `drove-e2e-router-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLERS = [5120, 5140];
/** The controller that leads now; requests go there (a follower answers 400). */
let leader = CONTROLLERS[0];
const EXECUTOR = 5130;
const NGINX = 5150;
const HOST_PORTS = { from: 45100, to: 45199 };
const APP_ID = 'sample-app-1';
const VHOST = 'sample-app.local';
const opSpec = { timeout: '5 minutes', parallelism: 2, failureStrategy: 'STOP' };

/**
 * Sends an operation once the app's previous one is over. (A SCALE accepted while a CREATE's operation was still
 * completing was seen to be left unfulfilled until the monitor's next round, 30 s later.)
 */
async function operation(body: Record<string, unknown>): Promise<void> {
  if (body.type !== 'CREATE') {
    await waitFor('the previous operation to complete', async () => {
      const res = await fetch(`http://127.0.0.1:${leader}/apis/v1/applications/${APP_ID}`);
      const state = ((await res.json()) as { data?: { state: string } }).data?.state;
      return state === 'RUNNING' || state === 'MONITORING' ? true : undefined;
    });
  }
  const res = await fetch(`http://127.0.0.1:${leader}/apis/v1/applications/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, opSpec }),
    signal: AbortSignal.timeout(5000),
  });
  expect(res.status).toBe(200);
}

async function healthyHostPorts(): Promise<number[]> {
  const res = await fetch(`http://127.0.0.1:${leader}/apis/v1/applications/${APP_ID}/instances`);
  const instances =
    (
      (await res.json()) as {
        data?: { state: string; localInfo: { ports: { main: { hostPort: number } } } }[];
      }
    ).data ?? [];
  return instances.filter((i) => i.state === 'HEALTHY').map((i) => i.localInfo.ports.main.hostPort);
}

/** GET / through nginx as a client of the vhost would; the status code, or 0 when nginx is not answering. */
const throughNginx = (): Promise<number> =>
  new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: NGINX, path: '/', headers: { host: VHOST }, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    req.end();
  });

function nginxConfig(dir: string): string {
  return [
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    `  server { listen 127.0.0.1:${NGINX} default_server; return 404; }`,
    `  include ${dir}/vhosts/*.conf;`,
    '}',
    '',
  ].join('\n');
}

describe('the reference router keeps nginx in line with the cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drove-router-'));
  const nginxArgs = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const vhostFile = join(dir, 'vhosts', `${VHOST}.conf`);
  const logs: string[] = [];
  const controllers = new Map<number, ChildProcess>();
  let executor: ChildProcess;
  let nginx: ChildProcess;
  let router: DroveRouter;

  const upstreamServers = (): string[] =>
    readFileSync(vhostFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^server [^{]+;$/.test(line));

  /** Waits for exactly `count` HEALTHY instances; their host ports. */
  const healthy = (count: number): Promise<number[]> =>
    waitFor(`${count} HEALTHY instance(s)`, async () => {
      const ports = await healthyHostPorts();
      return ports.length === count ? ports : undefined;
    });

  /** Waits for the vhost file's upstream to list exactly these host ports. */
  const routedTo = (ports: number[]): Promise<true> => {
    const expected = ports.map((port) => `server 127.0.0.1:${port};`).sort();
    return waitFor(`the vhost file to list ${ports.join(', ')}`, async () =>
      upstreamServers().join() === expected.join() ? true : undefined,
    );
  };

  beforeAll(async () => {
    // nginx's workers run as nobody when the master is root: they must reach the config and temp paths
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir));
    for (const port of CONTROLLERS) controllers.set(port, startController(port, namespace));
    executor = startExecutor(EXECUTOR, namespace, run, HOST_PORTS);
    nginx = spawn('nginx', [...nginxArgs, '-g', 'daemon off;'], { stdio: 'ignore' });
    leader = await waitFor('one leader', () => soleLeader(CONTROLLERS));
    await waitForActiveExecutor(leader);
    await waitFor('nginx to answer', async () => ((await throughNginx()) === 404 ? true : undefined));
    router = new DroveRouter({
      controllers: CONTROLLERS.map((port) => `http://127.0.0.1:${port}`),
      auth: {},
      dir: join(dir, 'vhosts'),
      listen: `127.0.0.1:${NGINX}`,
      reloadCommand: ['nginx', ...nginxArgs, '-s', 'reload'],
      resyncIntervalMs: 60_000,
      debounceMs: 50,
      reconnectDelayMs: 200,
      idleTimeoutMs: 30_000,
      log: (message) => logs.push(message),
    });
    router.start();
    await waitFor('the router to stream', async () =>
      logs.some((l) => l.startsWith('streaming')) ? true : undefined,
    );
  });

  afterAll(async () => {
    await router?.stop();
    await Promise.all([
      stopApp(executor),
      stopApp(nginx),
      ...[...controllers.values()].map((c) => stopApp(c)),
    ]);
    await removeRun(namespace, run);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the vhost file as instances come and go, reloads nginx, and nginx proxies to the instances', async () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8'));
    await operation({ type: 'CREATE', spec, instances: 1 });
    await routedTo(await healthy(1));
    await waitFor('nginx to proxy to the instance', async () =>
      (await throughNginx()) === 200 ? true : undefined,
    );

    await operation({ type: 'SCALE', appId: APP_ID, requiredInstances: 2 });
    await routedTo(await healthy(2));
    expect(await throughNginx()).toBe(200);

    // the leader is killed: the router goes to the new leader and resumes after the last event it had
    await stopApp(controllers.get(leader) as ChildProcess, 'SIGKILL');
    controllers.delete(leader);
    const survivor = CONTROLLERS.find((port) => port !== leader) as number;
    leader = await waitFor('the other controller to lead', () => soleLeader([survivor]), 20_000);
    await waitFor('the router to resume on it', async () =>
      logs.some((l) => l.startsWith(`streaming from http://127.0.0.1:${survivor} after `)) ? true : undefined,
    );
    await waitForActiveExecutor(leader);

    await operation({ type: 'SCALE', appId: APP_ID, requiredInstances: 1 });
    await routedTo(await healthy(1));
    expect(await throughNginx()).toBe(200);

    // at 0 the app is MONITORING, which /apis/v1/endpoints leaves out (as Drove does): the vhost goes
    await operation({ type: 'SCALE', appId: APP_ID, requiredInstances: 0 });
    await waitFor('the vhost file to go', async () =>
      readdirSync(join(dir, 'vhosts')).length === 0 ? true : undefined,
    );
    await waitFor('nginx to drop the vhost', async () => ((await throughNginx()) === 404 ? true : undefined));
    expect(router.reloader.reloads).toBeGreaterThanOrEqual(4);
    expect(logs.filter((l) => l.startsWith('reload'))).toEqual([]);
  });
});
