import { randomUUID } from 'node:crypto';
import { waitFor } from './support/processes';
import { withControllerAndExecutor } from './support/cluster';

const namespace = `drove-e2e-tasks-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 5000;
const EXECUTOR = 5020;
const HOST_PORTS = { from: 45000, to: 45099 };
const opSpec = { timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' };

interface TaskInfo {
  state: string;
  taskResult?: { status: string; exitCode: number };
  errorMessage: string;
}

async function api(path: string, body?: unknown): Promise<{ status: string; data: unknown }> {
  const res = await fetch(`http://127.0.0.1:${CONTROLLER}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return (await res.json()) as { status: string; data: unknown };
}

const taskSpec = (taskId: string, exitCode: number, iterations = 2) => ({
  sourceAppName: 'e2e-batch',
  taskId,
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  env: { ITERATIONS: String(iterations), EXIT_CODE: String(exitCode) },
});

describe('tasks on a controller and an executor process, real ZooKeeper and dockerd', () => {
  withControllerAndExecutor(
    { controller: CONTROLLER, executor: EXECUTOR, hostPorts: HOST_PORTS },
    namespace,
    run,
  );

  const show = async (taskId: string) =>
    (await api(`tasks/e2e-batch/instances/${taskId}`)).data as TaskInfo | undefined;
  const reaches = (taskId: string, state: string) =>
    waitFor(
      `task ${taskId} ${state}`,
      async () => {
        const info = await show(taskId);
        return info?.state === state ? info : undefined;
      },
      60_000,
    );

  it('runs a task exiting 0 to SUCCESSFUL and one exiting 3 to FAILED with exit code 3', async () => {
    for (const [taskId, exitCode] of [
      ['ok', 0],
      ['bad', 3],
    ] as const) {
      const created = await api('tasks/operations', {
        type: 'CREATE',
        spec: taskSpec(taskId, exitCode),
        opSpec,
      });
      expect(created).toMatchObject({ status: 'SUCCESS', data: { taskId: `e2e-batch-${taskId}` } });
    }
    const [ok, bad] = await Promise.all([reaches('ok', 'STOPPED'), reaches('bad', 'STOPPED')]);
    expect(ok.taskResult).toEqual({ status: 'SUCCESSFUL', exitCode: 0 });
    // what drove-cli's `tasks show` requires
    expect(ok).toMatchObject({
      hostname: '127.0.0.1',
      volumes: [],
      metadata: {},
      executable: { type: 'DOCKER' },
    });
    expect(bad.taskResult).toEqual({ status: 'FAILED', exitCode: 3 });
    expect(bad.errorMessage).toContain('3');
    expect((await api('tasks')).data).toEqual([]);
  }, 90_000);

  it('kills a running task with KILL: STOP_TASK, then STOPPED and CANCELLED', async () => {
    await api('tasks/operations', { type: 'CREATE', spec: taskSpec('long', 0, 120), opSpec });
    await reaches('long', 'RUNNING');
    expect((await api('tasks')).data).toEqual([
      expect.objectContaining({ taskId: 'long', state: 'RUNNING' }),
    ]);
    const killed = await api('tasks/operations', {
      type: 'KILL',
      sourceAppName: 'e2e-batch',
      taskId: 'long',
      opSpec,
    });
    expect(killed).toMatchObject({ status: 'SUCCESS', data: { taskId: 'long' } });
    expect((await reaches('long', 'STOPPED')).taskResult).toEqual({ status: 'CANCELLED', exitCode: -1 });
  }, 90_000);
});
