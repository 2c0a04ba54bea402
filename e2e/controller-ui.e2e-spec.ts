import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeRun, waitForActiveExecutor } from './support/cluster';
import { soleLeader, startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';

/**
 * The controller's UI against processes: two controllers and an executor on the real ZooKeeper and dockerd. The
 * leader renders its pages for a deployed app; the follower sends every page to the same page on the leader.
 */
const namespace = `drove-e2e-ui-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
// not 6000: fetch refuses it (X11, on the Fetch standard's list of bad ports)
const CONTROLLERS = [6030, 6040];
const EXECUTOR = 6050;
const HOST_PORTS = { from: 46000, to: 46099 };
const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8')) as {
  configs: { data: string }[];
};
const INLINE_DATA = spec.configs[0]?.data as string;

const load = (port: number, path: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });

async function api<T>(port: number, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return ((await res.json()) as { data: T }).data;
}

describe('the controller UI with two controllers and an executor', () => {
  const controllers: ChildProcess[] = [];
  let executor: ChildProcess;
  let leader = 0;
  let follower = 0;
  let appId = '';
  let instanceId = '';
  let executorId = '';

  beforeAll(async () => {
    for (const port of CONTROLLERS) controllers.push(startController(port, namespace));
    executor = startExecutor(EXECUTOR, namespace, run, HOST_PORTS);
    leader = await waitFor('one leader among both controllers', () => soleLeader(CONTROLLERS), 30_000);
    follower = CONTROLLERS.find((p) => p !== leader) as number;
    await waitForActiveExecutor(leader);
    const opSpec = { timeout: '5m', parallelism: 1, failureStrategy: 'STOP' };
    appId = (
      await api<{ appId: string }>(leader, 'applications/operations', {
        type: 'CREATE',
        spec,
        instances: 1,
        opSpec,
      })
    ).appId;
    instanceId = await waitFor(
      `${appId} HEALTHY`,
      async () =>
        (await api<{ instanceId: string; state: string }[]>(leader, `applications/${appId}/instances`)).find(
          (i) => i.state === 'HEALTHY',
        )?.instanceId,
      90_000,
    );
    executorId = (await api<{ executorId: string }[]>(leader, 'cluster/executors'))[0]?.executorId as string;
  }, 150_000);

  afterAll(async () => {
    await Promise.all([executor, ...controllers].map((p) => stopApp(p)));
    await removeRun(namespace, run);
  });

  it('renders the leader pages for the deployed app, with its spec masked', async () => {
    const pages: [string, string[]][] = [
      ['/', [appId, executorId, 'Leader', `127.0.0.1:${leader}`]],
      ['/applications', [`href="/applications/${appId}"`, '1 / 1']],
      [
        `/applications/${appId}`,
        [instanceId, 'HEALTHY', 'drove-test/http-server:latest', '&quot;data&quot;: &quot;&quot;'],
      ],
      [`/apis/ui/applications/${appId}`, [instanceId]],
      [
        `/applications/${appId}/instances/${instanceId}`,
        [`href="/executors/${executorId}"`, 'HEALTHY', 'main'],
      ],
      ['/cluster', [`href="/executors/${executorId}"`, 'ACTIVE']],
      [`/executors/${executorId}`, [`href="/applications/${appId}/instances/${instanceId}"`, 'NUMA node']],
      ['/dashboard', ['Applications by state', 'RUNNING']],
      ['/tasks', ['No tasks']],
      ['/localservices', ['No local services']],
    ];
    for (const [path, expected] of pages) {
      const res = await load(leader, path);
      const body = await res.text();
      expect([path, res.status, res.headers.get('content-type')]).toEqual([
        path,
        200,
        'text/html; charset=utf-8',
      ]);
      expect([path, expected.filter((text) => !body.includes(text))]).toEqual([path, []]);
      expect([path, body.includes(INLINE_DATA)]).toEqual([path, false]);
    }
    const unknown = await load(leader, '/applications/nope');
    expect([unknown.status, unknown.headers.get('location')]).toEqual([303, '/']);
  });

  it('303s the follower pages to the same page on the leader and keeps 400 for its API', async () => {
    const paths: [string, string][] = [
      ['/', '/'],
      ['/apis/ui', '/'],
      ['/dashboard', '/dashboard'],
      [`/applications/${appId}`, `/applications/${appId}`],
      [
        `/apis/ui/applications/${appId}/instances/${instanceId}`,
        `/applications/${appId}/instances/${instanceId}`,
      ],
      ['/apis/ui/tasks', '/tasks'],
      [`/executors/${executorId}`, `/executors/${executorId}`],
    ];
    for (const [path, target] of paths) {
      const res = await load(follower, path);
      expect([path, res.status, res.headers.get('location')]).toEqual([
        path,
        303,
        `http://127.0.0.1:${leader}${target}`,
      ]);
    }
    const res = await load(follower, `/apis/v1/applications/${appId}`);
    expect([res.status, await res.json()]).toEqual([
      400,
      { status: 'FAILED', message: 'This node is not the leader controller' },
    ]);
  });
});
