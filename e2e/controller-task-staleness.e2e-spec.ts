import { randomUUID } from 'node:crypto';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { withControllerAndExecutor } from './support/cluster';
import { waitFor } from './support/processes';
import { ScenarioClient } from './support/scenario-client';

const namespace = `drove-e2e-task-staleness-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 6700;
const EXECUTOR = 6720;
const HOST_PORTS = { from: 46700, to: 46799 };
const opSpec = { timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' };
/**
 * Small so the test runs in seconds; the executor refreshes its node data every second. The staleness is well under
 * both staleExecutorAge and the executor's ZooKeeper session (30 s), so a hung executor is still listed when its
 * task goes LOST: the task rule, not executor removal, is what is tested.
 */
const TASK_STALENESS_MS = 5000;

interface TaskInfo {
  instanceId: string;
  state: string;
  taskResult?: { status: string; exitCode: number };
  errorMessage: string;
}

const client = new ScenarioClient(CONTROLLER);
const api = async (path: string, body?: unknown, method?: string) =>
  (await client.call(path, body, method)).body;

const taskSpec = (taskId: string) => ({
  sourceAppName: 'e2e-stale',
  taskId,
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  env: { ITERATIONS: '300', EXIT_CODE: '0' },
});

describe('task staleness: a task on a hung executor is LOST, then cleared and run again', () => {
  const runtime = new DockerContainerRuntime();
  const processes = withControllerAndExecutor(
    { controller: CONTROLLER, executor: EXECUTOR, hostPorts: HOST_PORTS },
    namespace,
    run,
    {
      controller: [
        'options:',
        '  staleExecutorAge: 60 seconds',
        `  instanceStalenessMs: ${TASK_STALENESS_MS}`,
        '  maintenanceGraceMs: 1000',
      ],
      executorOptions: { refreshIntervalMs: 1000 },
    },
  );

  afterAll(() => {
    processes.executor.kill('SIGCONT');
  });

  const show = async (taskId: string) =>
    (await api(`tasks/e2e-stale/instances/${taskId}`)).data as TaskInfo | undefined;
  const reaches = (taskId: string, state: string, timeoutMs = 60_000) =>
    waitFor(
      `task ${taskId} ${state}`,
      async () => {
        const info = await show(taskId);
        return info?.state === state ? info : undefined;
      },
      timeoutMs,
    );
  const create = (taskId: string) =>
    api('tasks/operations', { type: 'CREATE', spec: taskSpec(taskId), opSpec });
  const containerRunning = async (instanceId: string) =>
    (await runtime.list({ labels: { 'drove.instance.id': instanceId }, all: false })).some((c) => c.running);

  it('keeps a steady RUNNING task, marks it LOST when its executor hangs; KILL, DELETE, re-create work', async () => {
    expect(await create('long')).toMatchObject({ status: 'SUCCESS' });
    const started = await reaches('long', 'RUNNING');

    // steady: the executor's snapshots keep it heard of, nothing recorded per heartbeat
    await new Promise((resolve) => setTimeout(resolve, 3 * TASK_STALENESS_MS));
    expect((await show('long'))?.state).toBe('RUNNING');

    processes.executor.kill('SIGSTOP');
    const lost = await reaches('long', 'LOST', 4 * TASK_STALENESS_MS);
    expect(lost).toMatchObject({
      taskResult: { status: 'LOST', exitCode: -1 },
      errorMessage: 'Instance lost',
    });
    const executors = (await api('cluster/executors')).data as { port: number; state: string }[];
    expect(executors.find((e) => e.port === EXECUTOR)?.state).toBe('ACTIVE');

    expect(
      await api('tasks/operations', { type: 'KILL', sourceAppName: 'e2e-stale', taskId: 'long', opSpec }),
    ).toMatchObject({
      data: { validationErrors: ['Either task does not exist or has already finished for e2e-stale/long'] },
      message: 'Command validation failure',
    });
    expect(await api('tasks/e2e-stale/instances/long', undefined, 'DELETE')).toMatchObject({
      status: 'SUCCESS',
      data: { deleted: true },
    });

    // back: the container it still runs for the deleted task is a zombie, stopped; the same id runs again
    processes.executor.kill('SIGCONT');
    await waitFor('the zombie task container stopped', async () =>
      (await containerRunning(started.instanceId)) ? undefined : true,
    );
    expect(await create('long')).toMatchObject({ status: 'SUCCESS' });
    const again = await reaches('long', 'RUNNING');
    expect(again.instanceId).not.toBe(started.instanceId);
  }, 150_000);
});
