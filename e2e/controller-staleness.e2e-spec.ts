import { Exception } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectZooKeeper, isZkError, zkCall } from '../apps/controller/src/zookeeper/zookeeper-calls';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { withControllerAndExecutor } from './support/cluster';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor, zkConnect } from './support/processes';

const namespace = `drove-e2e-staleness-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 5800;
const EXECUTORS = [5820, 5830];
const HOST_PORTS = [
  { from: 45800, to: 45849 },
  { from: 45850, to: 45899 },
];
const APP_ID = 'sample-app-1';
const opSpec = { timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' };
/**
 * Small ages so the test runs in seconds; the executors refresh their node data every second. The instance
 * staleness outlasts staleExecutorAge (10 s, Drove's minimum) plus a sweep (1 s), so a hung executor is removed
 * before its instance would go stale and the replacement cannot be placed on it.
 */
const INSTANCE_STALENESS_MS = 15_000;
const EXECUTOR_OPTIONS = { refreshIntervalMs: 1000 };

interface InstanceView {
  instanceId: string;
  executorId: string;
  state: string;
  errorMessage: string;
}

interface ExecutorView {
  executorId: string;
  port: number;
  state: string;
}

async function api(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${CONTROLLER}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return ((await res.json()) as { data: unknown }).data;
}

const instances = async (suffix = '') =>
  ((await api(`applications/${APP_ID}/instances${suffix}`)) as InstanceView[] | undefined) ?? [];
const healthy = async () => (await instances()).filter((i) => i.state === 'HEALTHY');
const executorOn = async (port: number) =>
  ((await api('cluster/executors')) as ExecutorView[]).find((e) => e.port === port);

/** Whether the executor's ephemeral znode exists: its ZooKeeper session is alive. */
async function znodeExists(port: number): Promise<boolean> {
  const admin = await connectZooKeeper(zkConnect, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
  try {
    await zkCall((cb) => admin.getData(`/${namespace}/executor/127.0.0.1-${port}`, cb));
    return true;
  } catch (error) {
    if (isZkError(error, Exception.NO_NODE)) return false;
    throw error;
  } finally {
    admin.close();
  }
}

describe('staleness: a hung executor is removed and its instance replaced; a steady one is left alone', () => {
  const runtime = new DockerContainerRuntime();
  const processes = withControllerAndExecutor(
    { controller: CONTROLLER, executor: EXECUTORS[0], hostPorts: HOST_PORTS[0] },
    namespace,
    run,
    {
      controller: [
        'options:',
        '  staleExecutorAge: 10 seconds',
        `  instanceStalenessMs: ${INSTANCE_STALENESS_MS}`,
        '  appMonitorIntervalMs: 1000',
        '  maintenanceGraceMs: 1000',
      ],
      executorOptions: EXECUTOR_OPTIONS,
    },
  );
  let second: ReturnType<typeof startExecutor> | undefined;

  afterAll(async () => {
    processes.executor.kill('SIGCONT');
    if (second) await stopApp(second);
  });

  it('keeps a HEALTHY instance over several staleness periods, then replaces it when its executor hangs', async () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8'));
    await api('applications/operations', { type: 'CREATE', spec, instances: 1, opSpec });
    const [first] = await waitFor('a HEALTHY instance', async () => {
      const found = await healthy();
      return found.length === 1 ? found : undefined;
    });
    second = startExecutor(EXECUTORS[1], namespace, run, HOST_PORTS[1], [], false, EXECUTOR_OPTIONS);

    // steady: the executor's node data keeps it heard of; nothing is LOST and nothing replaced
    await new Promise((resolve) => setTimeout(resolve, 3 * INSTANCE_STALENESS_MS));
    expect((await healthy()).map((i) => i.instanceId)).toEqual([first.instanceId]);
    expect(await instances('/old')).toEqual([]);
    expect((await executorOn(EXECUTORS[1]))?.state).toBe('ACTIVE');

    // hung: the process stops, its ZooKeeper session (30 s) outlives staleExecutorAge (10 s)
    processes.executor.kill('SIGSTOP');
    await waitFor('the hung executor REMOVED', async () =>
      (await executorOn(EXECUTORS[0]))?.state === 'REMOVED' ? true : undefined,
    );
    expect(await znodeExists(EXECUTORS[0])).toBe(true);
    const replacement = await waitFor(
      'a replacement HEALTHY on the second executor',
      async () => {
        const [now] = await healthy();
        return now && now.instanceId !== first.instanceId ? now : undefined;
      },
      60_000,
    );
    expect(replacement.executorId).not.toBe(first.executorId);
    expect(await instances('/old')).toEqual([
      expect.objectContaining({ instanceId: first.instanceId, state: 'LOST', errorMessage: 'Instance lost' }),
    ]);

    // back: newer node data adds it again, and the container it still runs for the LOST instance is stopped
    processes.executor.kill('SIGCONT');
    await waitFor('the executor added again', async () =>
      (await executorOn(EXECUTORS[0]))?.state === 'ACTIVE' ? true : undefined,
    );
    await waitFor('the LOST instance container stopped', async () => {
      const running = await runtime.list({ labels: { 'drove.instance.id': first.instanceId }, all: false });
      return running.every((c) => !c.running) ? true : undefined;
    });
    expect((await healthy()).map((i) => i.instanceId)).toEqual([replacement.instanceId]);
  }, 150_000);
});
