import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { removeRunContainers } from '../apps/executor/src/testing/run-containers.fixture';
import { ping, startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { removeNamespace } from './support/cluster';

const namespace = `drove-e2e-blacklist-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 4850;
const EXECUTORS = [4860, 4870];
const HOST_PORTS = [
  { from: 44800, to: 44849 },
  { from: 44850, to: 44899 },
];
const APP_ID = 'sample-app-1';
const opSpec = { timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' };

interface InstanceView {
  instanceId: string;
  executorId: string;
  state: string;
}

interface ExecutorView {
  executorId: string;
  port: number;
  state: string;
}

async function call(path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${CONTROLLER}/apis/v1/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

const api = async (path: string, method = 'GET', body?: unknown) =>
  ((await (await call(path, method, body)).json()) as { data: unknown }).data;

const healthy = async () =>
  (((await api(`applications/${APP_ID}/instances`)) as InstanceView[]) ?? []).filter(
    (i) => i.state === 'HEALTHY',
  );

const executorOn = async (port: number) =>
  ((await api('cluster/executors')) as ExecutorView[]).find((e) => e.port === port);

describe('blacklisting an executor process moves its instance to the other one', () => {
  const runtime = new DockerContainerRuntime();
  let controller: ChildProcess;
  const executors: ChildProcess[] = [];

  beforeAll(async () => {
    controller = startController(CONTROLLER, namespace);
    await waitFor('the controller to lead', async () =>
      (await ping(CONTROLLER)) === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await Promise.all([...executors.map((e) => stopApp(e)), stopApp(controller)]);
    await removeRunContainers(runtime, run);
    await removeNamespace(namespace);
  });

  it('blacklists, moves, serves the log files through the controller, feeds the events, and unblacklists', async () => {
    const activeExecutor = async (i: number) => {
      executors.push(startExecutor(EXECUTORS[i], namespace, run, HOST_PORTS[i]));
      return waitFor(`executor ${i} ACTIVE`, async () => {
        const found = await executorOn(EXECUTORS[i]);
        return found?.state === 'ACTIVE' ? found : undefined;
      });
    };
    // the app is created while only the first executor runs, so its instance is there
    const first = await activeExecutor(0);
    const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8'));
    await api('applications/operations', 'POST', { type: 'CREATE', spec, instances: 1, opSpec });
    const [old] = await waitFor('a HEALTHY instance', async () => {
      const found = await healthy();
      return found.length === 1 ? found : undefined;
    });
    expect(old.executorId).toBe(first.executorId);
    const second = await activeExecutor(1);

    const logs = await call(`logfiles/applications/${APP_ID}/${old.instanceId}/list`);
    expect([logs.status, logs.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(await logs.json()).toHaveProperty('files');

    const answer = await api(`cluster/executors/${first.executorId}/blacklist`, 'POST');
    expect(answer).toMatchObject({
      successful: [first.executorId],
      failed: [],
      message: 'Blacklisting successful and app movement scheduled',
    });
    const [moved] = await waitFor(
      'the instance on the second executor',
      async () => {
        const found = await healthy();
        return found.length === 1 && found[0].executorId === second.executorId ? found : undefined;
      },
      60_000,
    );
    expect(moved.instanceId).not.toBe(old.instanceId);
    await waitFor('the first executor BLACKLISTED', async () =>
      (await executorOn(EXECUTORS[0]))?.state === 'BLACKLISTED' ? true : undefined,
    );

    // The executor reports itself BLACKLISTED as soon as it accepts the message; the controller records the event
    // once it has the executor's answer, so the feed may lag the executor's state by a moment.
    const wanted = ['LEADERSHIP_ACQUIRED', 'EXECUTOR_BLACKLIST_REQUESTED', 'EXECUTOR_BLACKLISTED'];
    const types = await waitFor('the blacklisting in the events feed', async () => {
      const feed = (await api('cluster/events/latest?size=1000')) as { events: { type: string }[] };
      const seen = feed.events.map((e) => e.type);
      return wanted.every((t) => seen.includes(t)) ? seen : undefined;
    });
    for (const type of wanted) expect(types).toContain(type);

    const unblacklisted = await api(`cluster/executors/unblacklist?id=${first.executorId}`, 'POST');
    expect(unblacklisted).toMatchObject({ successful: [first.executorId], failed: [] });
    await waitFor('the first executor ACTIVE again', async () =>
      (await executorOn(EXECUTORS[0]))?.state === 'ACTIVE' ? true : undefined,
    );
  }, 150_000);
});
