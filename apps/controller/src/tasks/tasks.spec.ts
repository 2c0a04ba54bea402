import { MAINTENANCE_GRACE_MS, taskStream } from '@drove/domain';
import { opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ExecutorRegistry } from '../executors/executor-registry';
import { EXECUTOR_HEADERS } from '../testing/fake-executor';
import { FakeTaskExecutor } from '../testing/fake-task-executor';
import { startTestController, TEST_FENCE_PATH, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = 1_700_000_000_000;
const OPERATIONS = '/apis/v1/tasks/operations';

const taskSpec = (taskId: string, env?: Record<string, string>) => ({
  sourceAppName: 'batch',
  taskId,
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  ...(env ? { env } : {}),
});

interface TaskInfo {
  state: string;
  executorId: string;
  instanceId: string;
  taskResult?: { status: string; exitCode: number };
  errorMessage: string;
}

describe('tasks API and saga with an in-process executor', () => {
  let ctl: TestController;
  let executor: FakeTaskExecutor;

  beforeEach(async () => {
    executor = new FakeTaskExecutor();
    ctl = await startTestController(NOW, undefined, executor, true);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    const joined = await ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
    expect(joined.code).toBe(200);
  });

  afterEach(() => ctl.app.close());

  const create = (taskId: string, env?: Record<string, string>) =>
    ctl.post(OPERATIONS, { type: 'CREATE', spec: taskSpec(taskId, env), opSpec: opSpecJson() });
  const kill = (taskId: string) =>
    ctl.post(OPERATIONS, { type: 'KILL', sourceAppName: 'batch', taskId, opSpec: opSpecJson() });
  const show = async (taskId: string) =>
    (await ctl.get(`/apis/v1/tasks/batch/instances/${taskId}`)).body.data as TaskInfo | undefined;
  const settles = (taskId: string, state: string) =>
    waitUntil(`task ${taskId} ${state}`, async () => (await show(taskId))?.state === state, 10_000);

  const reported = (taskId: string, instanceId: string, state: string) => ({
    sourceAppName: 'batch',
    taskId,
    instanceId,
    executorId: 'exec-1-id',
    hostname: 'exec-1',
    executable: taskSpec(taskId).executable,
    resources: [],
    state,
    metadata: {},
    errorMessage: '',
    created: NOW,
    updated: NOW,
  });
  const snapshotWith = async (task: Record<string, unknown>) => {
    const header = { id: 's-2', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: NOW };
    const nodeData = { ...executor.nodeData(), tasks: [task] };
    const answer = await ctl.post(
      '/apis/v1/messages',
      { type: 'EXECUTOR_SNAPSHOT', header, nodeData },
      EXECUTOR_HEADERS,
    );
    expect(answer.code).toBe(200);
  };

  it.each([
    ['exit 0', '0', 'SUCCESSFUL', 0, ''],
    ['exit 3', '3', 'FAILED', 3, 'Task instance exited with status: 3'],
  ])('runs a task to completion (%s)', async (_, exitCode, status, code, error) => {
    expect(await create('T1', { ITERATIONS: '2', EXIT_CODE: exitCode })).toEqual({
      code: 200,
      body: { status: 'SUCCESS', data: { taskId: 'batch-T1' }, message: 'success' },
    });
    await settles('T1', 'STOPPED');
    const info = await show('T1');
    expect(info).toMatchObject({ executorId: 'exec-1-id', taskResult: { status, exitCode: code } });
    expect(info?.errorMessage).toBe(error);
    const start = executor.received.find((m) => m.type === 'START_TASK');
    expect(start).toMatchObject({
      spec: { taskId: 'T1', sourceAppName: 'batch', instanceId: info?.instanceId },
    });
    expect((await ctl.get('/apis/v1/tasks')).body.data).toEqual([]);
    // the saga's PENDING, then the executor's PROVISIONING ... STOPPED (its own PENDING is not a change)
    await waitUntil('7 TASK_STATE_CHANGE events in the feed', async () => {
      const summary = await ctl.get('/apis/v1/cluster/events/summary?lastSyncTime=0');
      return (
        (summary.body.data as { eventsCount: Record<string, number> }).eventsCount.TASK_STATE_CHANGE === 7
      );
    });
  });

  it('lists a running task, kills it with STOP_TASK, then deletes it', async () => {
    await create('T2');
    await settles('T2', 'RUNNING');
    const list = (await ctl.get('/apis/v1/tasks')).body.data as TaskInfo[];
    expect(list.map((t) => t.state)).toEqual(['RUNNING']);
    expect((await ctl.get('/apis/v1/cluster')).body.data).toMatchObject({ numActiveTasks: 1 });
    expect(await ctl.get('/apis/v1/tasks/batch/instances/T2')).toMatchObject({ code: 200 });
    const refused = await ctl.app.inject({ method: 'DELETE', url: '/apis/v1/tasks/batch/instances/T2' });
    expect(refused.json()).toEqual({
      status: 'FAILED',
      data: { deleted: false },
      message: 'Could not delete batch/T2',
    });
    expect((await kill('T2')).body).toEqual({
      status: 'SUCCESS',
      data: { taskId: 'T2' },
      message: 'success',
    });
    await settles('T2', 'STOPPED');
    expect(await show('T2')).toMatchObject({ taskResult: { status: 'CANCELLED', exitCode: -1 } });
    expect(executor.received.filter((m) => m.type === 'STOP_TASK')).toHaveLength(1);
    const deleted = await ctl.app.inject({ method: 'DELETE', url: '/apis/v1/tasks/batch/instances/T2' });
    expect(deleted.json()).toEqual({ status: 'SUCCESS', data: { deleted: true }, message: 'success' });
    expect((await ctl.get('/apis/v1/tasks/batch/instances/T2')).body).toEqual({
      status: 'FAILED',
      message: 'No such task instance batch/T2',
    });
  });

  it('records LOST with the reason when the executor refuses START_TASK', async () => {
    executor.startAnswer = { status: 'FAILED', error: 'Not enough resources' };
    await create('T7');
    await settles('T7', 'LOST');
    expect(await show('T7')).toMatchObject({
      executorId: 'exec-1-id',
      hostname: 'exec-1',
      volumes: [],
      taskResult: { status: 'LOST', exitCode: -1 },
      errorMessage: 'Not enough resources',
    });
  });

  const STALENESS_MS = 60_000;
  const ticks = () => new Promise((resolve) => setTimeout(resolve, 1200));
  /** Moves the clock and has the executor send a snapshot (Drove's executors send one every 20 s). */
  const heartbeat = async (ms: number) => {
    ctl.clock.at += ms;
    expect(
      (await ctl.post('/apis/v1/messages', executor.snapshotMessage(ctl.clock.at), EXECUTOR_HEADERS)).code,
    ).toBe(200);
    await ticks();
  };
  const running = async (taskId: string) => {
    await create(taskId);
    await settles(taskId, 'RUNNING');
    return (await show(taskId))?.instanceId as string;
  };
  const expectLost = async (taskId: string) => {
    await settles(taskId, 'LOST');
    expect(await show(taskId)).toMatchObject({
      taskResult: { status: 'LOST', exitCode: -1 },
      errorMessage: 'Instance lost',
    });
  };

  it('never marks a steady RUNNING task LOST while snapshots list it; one lost on a live executor is', async () => {
    await running('T5');
    const silent = await running('T10');
    const events = async () => (await ctl.store.readStream(taskStream('batch', 'T5'))).length;
    const before = await events();
    for (let beat = 0; beat < 4; beat++) await heartbeat(STALENESS_MS / 2);
    expect([(await show('T5'))?.state, (await show('T10'))?.state]).toEqual(['RUNNING', 'RUNNING']);
    // heard of without an event per heartbeat
    expect(await events()).toBe(before);
    executor.forget(silent);
    await heartbeat(STALENESS_MS / 2);
    expect((await show('T10'))?.state).toBe('RUNNING');
    await heartbeat(STALENESS_MS / 2 + 1);
    await expectLost('T10');
    expect((await show('T5'))?.state).toBe('RUNNING');
    expect(executor.received.filter((m) => m.type === 'STOP_TASK')).toEqual([]);
    // the record can be cleared and the task run again
    expect((await kill('T10')).body.data).toEqual({
      validationErrors: ['Either task does not exist or has already finished for batch/T10'],
    });
    const deleted = await ctl.app.inject({ method: 'DELETE', url: '/apis/v1/tasks/batch/instances/T10' });
    expect(deleted.json()).toMatchObject({ status: 'SUCCESS', data: { deleted: true } });
    // (its executor's reports are stamped by a clock now behind this test's: it stays PENDING here)
    expect((await create('T10')).code).toBe(200);
    await settles('T10', 'PENDING');
    expect((await show('T10'))?.instanceId).not.toBe(silent);
  });

  it('marks a task LOST once its executor is gone for the staleness period', async () => {
    await running('T5');
    ctl.app.get(ExecutorRegistry).remove('exec-1-id', ctl.clock.now());
    await ticks();
    ctl.clock.at += STALENESS_MS;
    await ticks();
    expect((await show('T5'))?.state).toBe('RUNNING');
    ctl.clock.at += 1;
    await expectLost('T5');
  });

  it('marks LOST a task whose START_TASK was accepted but never acted on', async () => {
    executor.startSilently = true;
    await create('T11');
    await settles('T11', 'PENDING');
    await heartbeat(STALENESS_MS / 2);
    expect((await show('T11'))?.state).toBe('PENDING');
    await heartbeat(STALENESS_MS / 2 + 1);
    await expectLost('T11');
  });

  it('gives every task one full period from when a new leader started leading', async () => {
    const silent = await running('T12');
    executor.forget(silent);
    ctl.clock.at += STALENESS_MS - 10_000;
    ctl.fence.lead(TEST_FENCE_PATH);
    await heartbeat(STALENESS_MS / 2);
    expect((await show('T12'))?.state).toBe('RUNNING');
    await heartbeat(STALENESS_MS / 2 + 1);
    await expectLost('T12');
  });

  it('leaves a silent task alone inside the maintenance window, marks it LOST once the window closes', async () => {
    await running('T8');
    expect((await ctl.post('/apis/v1/cluster/maintenance/set')).code).toBe(200);
    ctl.app.get(ExecutorRegistry).remove('exec-1-id', ctl.clock.now());
    ctl.clock.at += 2 * STALENESS_MS;
    await ticks();
    expect((await show('T8'))?.state).toBe('RUNNING');
    expect((await ctl.post('/apis/v1/cluster/maintenance/unset')).code).toBe(200);
    await ticks();
    expect((await show('T8'))?.state).toBe('RUNNING');
    ctl.clock.at += MAINTENANCE_GRACE_MS + 1;
    await expectLost('T8');
  });

  it('resumes a task a previous leader started: no second START_TASK, snapshot reports recorded, KILL sent', async () => {
    const info = reported('T6', 'TI-previous', 'PENDING');
    const data = {
      taskRunId: 'batch-T6',
      instanceId: 'TI-previous',
      spec: taskSpec('T6'),
      opSpec: opSpecJson(),
      at: NOW,
    };
    await ctl.store.append(
      taskStream('batch', 'T6'),
      0,
      [
        { id: 'e-1', type: 'TaskCreated', data },
        { id: 'e-2', type: 'TaskStateChanged', data: { info, at: NOW } },
      ],
      { fence: TEST_FENCE_PATH },
    );
    await snapshotWith({ ...info, state: 'RUNNING', updated: NOW + 10 });
    await settles('T6', 'RUNNING');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(executor.received.filter((m) => m.type === 'START_TASK')).toEqual([]);
    await kill('T6');
    await waitUntil('STOP_TASK sent', () =>
      Promise.resolve(
        executor.received.some((m) => m.type === 'STOP_TASK' && m.instanceId === 'TI-previous'),
      ),
    );
  });

  it('sends STOP_TASK to a RUNNING task the log does not know (a zombie), records nothing', async () => {
    await snapshotWith(reported('ghost', 'TI-ghost', 'RUNNING'));
    expect(executor.received).toEqual([
      expect.objectContaining({ type: 'STOP_TASK', instanceId: 'TI-ghost' }),
    ]);
    expect(await ctl.store.readStream(taskStream('batch', 'ghost'))).toEqual([]);
  });

  it('refuses with Drove texts and stores nothing', async () => {
    await create('T3');
    const cases: [Promise<{ code: number; body: Record<string, unknown> }>, string, string][] = [
      [create('T3'), 'Command validation failure', 'Task already exists for batch/T3 with taskID: batch-T3'],
      [
        kill('nope'),
        'Command validation failure',
        'Either task does not exist or has already finished for batch/nope',
      ],
      [ctl.post(OPERATIONS, { type: 'RUN' }), 'JSON validation failure', ''],
    ];
    for (const [answer, message, error] of cases) {
      const { code, body } = await answer;
      expect({ code, message: body.message }).toEqual({ code: 400, message });
      if (error) expect(body.data).toEqual({ validationErrors: [error] });
    }
    expect(await ctl.post('/apis/v1/tasks/validate/spec', taskSpec('T9'))).toEqual({
      code: 200,
      body: { status: 'SUCCESS', message: 'success' },
    });
    const huge = {
      ...taskSpec('T9'),
      resources: [
        { type: 'CPU', count: 64 },
        { type: 'MEMORY', sizeInMB: 64 },
      ],
    };
    expect((await ctl.post('/apis/v1/tasks/validate/spec', huge)).code).toBe(400);
    await ctl.post('/apis/v1/cluster/maintenance/set');
    expect((await create('T4')).body.data).toEqual({ validationErrors: ['Cluster is in maintenance mode'] });
    const created = async (taskId: string) =>
      (await ctl.store.readStream(taskStream('batch', taskId))).filter((e) => e.type === 'TaskCreated')
        .length;
    expect([await created('T3'), await created('nope'), await created('T4')]).toEqual([1, 0, 0]);
  });
});
