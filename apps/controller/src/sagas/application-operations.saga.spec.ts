import { applicationStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ClusterViewService } from '../projections/cluster-view.service';
import { saveViewSnapshot } from '../snapshots/view-snapshots';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TEST_FENCE_PATH, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';
const OPERATIONS = '/apis/v1/applications/operations';
const MONITOR_MS = 300;

interface Summary {
  state: string;
  healthyInstances: number;
  requiredInstances: number;
}

describe('application operations saga with an in-process executor', () => {
  let ctl: TestController;
  let executor: FakeExecutor;

  beforeEach(async () => {
    executor = new FakeExecutor();
    ctl = await startTestController(NOW, undefined, executor, true, MONITOR_MS);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    const snapshot = {
      type: 'EXECUTOR_SNAPSHOT',
      header: { id: 's-1', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: NOW },
      nodeData: executor.nodeData(),
    };
    expect(await ctl.post('/apis/v1/messages', snapshot, EXECUTOR_HEADERS)).toEqual({
      code: 200,
      body: { header: snapshot.header, status: 'ACCEPTED' },
    });
  });

  afterEach(() => ctl.app.close());

  const operate = async (body: Record<string, unknown>) =>
    expect((await ctl.post(OPERATIONS, { opSpec: opSpecJson(), ...body })).code).toBe(200);
  const summary = async () => (await ctl.get(`/apis/v1/applications/${APP_ID}`)).body.data as Summary;
  const instances = async (suffix = '') =>
    (await ctl.get(`/apis/v1/applications/${APP_ID}/instances${suffix}`)).body.data as {
      instanceId: string;
      state: string;
      created: number;
      errorMessage: string;
    }[];
  const settlesAt = async (state: string, healthy: number) =>
    waitUntil(
      `app ${state} with ${healthy} healthy`,
      async () => {
        const s = await summary();
        return s?.state === state && s.healthyInstances === healthy;
      },
      10_000,
    );

  it('lists the executor in Drove shapes and records it in the log once', async () => {
    const list = await ctl.get('/apis/v1/cluster/executors');
    expect(list.body.data).toEqual([
      expect.objectContaining({
        executorId: 'exec-1-id',
        hostname: 'exec-1',
        port: 3000,
        freeCores: 8,
        usedCores: 0,
        freeMemory: 8192,
        tags: ['exec-1'],
        state: 'ACTIVE',
      }),
    ]);
    expect((await ctl.get('/apis/v1/cluster/executors/exec-1-id')).body.data).toMatchObject({
      hostname: 'exec-1',
    });
    expect((await ctl.get('/apis/v1/cluster/executors/nope')).body).toEqual({
      status: 'FAILED',
      message: 'No executor found with id: nope',
    });
    const again = {
      type: 'EXECUTOR_SNAPSHOT',
      header: { id: 's-2', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: NOW },
      nodeData: executor.nodeData(),
    };
    await ctl.post('/apis/v1/messages', again, EXECUTOR_HEADERS);
    const events = await ctl.store.readStream('executor-exec-1-id');
    expect(events.map((e) => e.type)).toEqual(['ExecutorAdded']);
  });

  it('refuses messages from a user (no-auth mode: a user principal without the NODE class)', async () => {
    expect((await ctl.post('/apis/v1/messages', {})).code).toBe(403);
  });

  it('CREATE with 2 instances starts them, the app RUNNING with 2 HEALTHY; scale down stops the oldest', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2 });
    await settlesAt('RUNNING', 2);
    const started = await instances();
    expect(started).toHaveLength(2);
    expect(started.every((i) => i.state === 'HEALTHY')).toBe(true);
    expect(started[0]).toMatchObject({
      appId: APP_ID,
      appName: 'mini',
      executorId: 'exec-1-id',
      errorMessage: '',
    });
    expect(executor.received.filter((m) => m.type === 'START_INSTANCE')).toHaveLength(2);
    const oldest = [...started].sort((a, b) => a.created - b.created)[0].instanceId;

    await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 1 });
    await settlesAt('RUNNING', 1);
    expect((await instances()).map((i) => i.instanceId)).not.toContain(oldest);
    expect((await instances('/old')).map((i) => [i.instanceId, i.state])).toEqual([[oldest, 'STOPPED']]);

    await operate({ type: 'SUSPEND', appId: APP_ID });
    await settlesAt('MONITORING', 0);
    await operate({ type: 'DESTROY', appId: APP_ID });
    await waitUntil(
      'app destroyed',
      async () => (await ctl.get(`/apis/v1/applications/${APP_ID}`)).body.status === 'FAILED',
    );
  });

  it('admits a scale by the instances it adds against the cores the executor reports free', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2 });
    await settlesAt('RUNNING', 2);
    const scale = (requiredInstances: number) =>
      ctl.post(OPERATIONS, { type: 'SCALE', appId: APP_ID, requiredInstances, opSpec: opSpecJson() });
    expect((await scale(9)).body).toMatchObject({
      data: { validationErrors: ['Cluster does not have enough CPU. Required: 7 Available: 6'] },
    });
    expect((await scale(8)).code).toBe(200);
    await settlesAt('RUNNING', 8);
  });

  it('a START the executor refuses is retried with fresh ids, recorded LOST, and the operation stays open', async () => {
    executor.startAnswer = { status: 'FAILED', error: 'executor said no' };
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await waitUntil('3 START attempts', async () => (await instances('/old')).length >= 3, 10_000);
    const lost = await instances('/old');
    expect(lost.every((i) => i.state === 'LOST')).toBe(true);
    expect(new Set(lost.map((i) => i.instanceId)).size).toBe(lost.length);
    expect((await summary()).state).toBe('SCALING_REQUESTED');
  });

  it('a cancelled scale completes as CANCELLED, keeping the instances it reached', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await settlesAt('RUNNING', 1);
    executor.startAnswer = { status: 'FAILED', error: 'executor said no' };
    await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 3 });
    await waitUntil('a START refused', async () => (await instances('/old')).length >= 1, 10_000);
    expect((await summary()).state).toBe('SCALING_REQUESTED');
    const cancel = `${OPERATIONS}/${APP_ID}/cancel`;
    expect(await ctl.post(cancel)).toEqual({ code: 200, body: { status: 'SUCCESS', message: 'success' } });
    await settlesAt('RUNNING', 1);
    expect((await summary()).requiredInstances).toBe(1);
    expect(await ctl.post(cancel)).toEqual({
      code: 400,
      body: { status: 'FAILED', message: 'Current operation could not be cancelled' },
    });
    const completed = (await ctl.store.readStream(applicationStream(APP_ID))).filter(
      (e) => e.type === 'ApplicationOperationCompleted',
    );
    expect(completed.at(-1)?.data).toMatchObject({ operation: 'SCALE_INSTANCES', outcome: 'CANCELLED' });
  });

  it('a cancel mid-scale begins no further START: the one under way finishes, the count stays at 1', async () => {
    let release = () => undefined as void;
    executor.hold = new Promise<void>((resolve) => (release = resolve));
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 4 });
    await waitUntil('first START sent', () => executor.received.length === 1, 5000);
    expect(await ctl.post(`${OPERATIONS}/${APP_ID}/cancel`)).toMatchObject({ code: 200 });
    release();
    await settlesAt('RUNNING', 1);
    expect(executor.received.map((m) => m.type)).toEqual(['START_INSTANCE']);
    expect((await summary()).requiredInstances).toBe(1);
    const completed = (await ctl.store.readStream(applicationStream(APP_ID))).at(-1);
    expect(completed).toMatchObject({
      type: 'ApplicationOperationCompleted',
      data: { operation: 'SCALE_INSTANCES', outcome: 'CANCELLED', instances: 1 },
    });
    // the monitor does not undo the cancel: 1 healthy of 1 expected
    await new Promise((resolve) => setTimeout(resolve, 3 * MONITOR_MS));
    expect(executor.received).toHaveLength(1);
  });

  it('a cancel mid-scale-down begins no further STOP', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 3 });
    await settlesAt('RUNNING', 3);
    let release = () => undefined as void;
    executor.hold = new Promise<void>((resolve) => (release = resolve));
    await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 0 });
    await waitUntil('first STOP sent', () => executor.received.length === 4, 5000);
    expect(await ctl.post(`${OPERATIONS}/${APP_ID}/cancel`)).toMatchObject({ code: 200 });
    release();
    await settlesAt('RUNNING', 2);
    expect(executor.received.filter((m) => m.type === 'STOP_INSTANCE')).toHaveLength(1);
    expect((await summary()).requiredInstances).toBe(2);
  });

  it('a new leader resumes an operation in flight from the log instead of starting the instance again', async () => {
    let release = () => undefined as void;
    executor.hold = new Promise<void>((resolve) => (release = resolve));
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await waitUntil('START sent', () => executor.received.length === 1, 5000);
    ctl.fence.depose();
    await new Promise((resolve) => setTimeout(resolve, 700));
    ctl.fence.lead(TEST_FENCE_PATH);
    release();
    await settlesAt('RUNNING', 1);
    expect(executor.received.map((m) => m.type)).toEqual(['START_INSTANCE']);
  });

  it('a new leader whose view comes from a snapshot taken mid-operation resumes it without a second START', async () => {
    let release = () => undefined as void;
    executor.hold = new Promise<void>((resolve) => (release = resolve));
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await waitUntil('START sent', () => executor.received.length === 1, 5000);
    ctl.fence.depose();
    const clusterView = ctl.app.get(ClusterViewService);
    const snapshotAt = await saveViewSnapshot(ctl.store, clusterView.view);
    ctl.fence.lead(TEST_FENCE_PATH);
    await waitUntil(
      'rebuilt from the snapshot',
      () => clusterView.lastRebuild?.snapshotPosition === snapshotAt,
      5000,
    );
    release();
    await settlesAt('RUNNING', 1);
    expect(executor.received.map((m) => m.type)).toEqual(['START_INSTANCE']);
  });

  it('a container that dies is replaced: the monitor sees 1 of 2 healthy and RECOVERs', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2 });
    await settlesAt('RUNNING', 2);
    const [victim] = await instances();
    await executor.die(victim.instanceId);
    await waitUntil('3 STARTs', () => executor.received.length === 3, 10_000);
    await settlesAt('RUNNING', 2);
    expect((await instances()).map((i) => i.instanceId)).not.toContain(victim.instanceId);
    expect((await instances('/old')).map((i) => [i.instanceId, i.state])).toEqual([
      [victim.instanceId, 'STOPPED'],
    ]);
    const types = (await ctl.store.readStream(`app-${APP_ID}`)).map((e) => e.type);
    expect(types).toContain('ApplicationOutageDetected');
  });

  it('the instances of an executor that vanishes are LOST', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await settlesAt('RUNNING', 1);
    ctl.app.get(ExecutorRegistry).remove('exec-1-id', NOW);
    await waitUntil('instance LOST', async () => (await instances('/old')).length === 1, 5000);
    expect((await instances('/old'))[0]).toMatchObject({ state: 'LOST', errorMessage: 'Instance lost' });
    expect((await ctl.get('/apis/v1/cluster/executors')).body.data).toEqual([
      expect.objectContaining({ executorId: 'exec-1-id', state: 'REMOVED' }),
    ]);
    const executorEvents = (await ctl.store.readStream('executor-exec-1-id')).map((e) => e.type);
    expect(executorEvents).toEqual(['ExecutorAdded', 'ExecutorRemoved']);
  });

  it('STOP_INSTANCES with skipRespawn stops the one named and lowers the expected count', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2 });
    await settlesAt('RUNNING', 2);
    const [victim, kept] = await instances();
    await operate({
      type: 'STOP_INSTANCES',
      appId: APP_ID,
      instanceIds: [victim.instanceId],
      skipRespawn: true,
    });
    await settlesAt('RUNNING', 1);
    expect((await summary()).requiredInstances).toBe(1);
    expect((await instances()).map((i) => i.instanceId)).toEqual([kept.instanceId]);
    expect((await instances('/old')).map((i) => [i.instanceId, i.state])).toEqual([
      [victim.instanceId, 'STOPPED'],
    ]);
  });

  it('REPLACE_INSTANCES starts a new instance for each old one, then stops the old one', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2 });
    await settlesAt('RUNNING', 2);
    const before = (await instances()).map((i) => i.instanceId).sort();
    await operate({ type: 'REPLACE_INSTANCES', appId: APP_ID, instanceIds: [] });
    await waitUntil('old ones stopped', async () => (await instances('/old')).length === 2, 10_000);
    await settlesAt('RUNNING', 2);
    const after = (await instances()).map((i) => i.instanceId);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect((await instances('/old')).map((i) => i.instanceId).sort()).toEqual(before);
    expect(executor.received.map((m) => m.type)).toEqual([
      'START_INSTANCE',
      'START_INSTANCE',
      'START_INSTANCE',
      'STOP_INSTANCE',
      'START_INSTANCE',
      'STOP_INSTANCE',
    ]);
  });

  describe('a REPLACE the leader loses mid-pair is resumed by the next one from the log', () => {
    const HOUR_MS = 3_600_000;
    /** Runs `arrange` just before the executor takes the message at `index` (0-based), e.g. to hold its START. */
    const beforeMessage = (index: number, arrange: () => void, after = () => undefined as void) => {
      const send = executor.send.bind(executor);
      executor.send = (address, message) => {
        if (executor.received.length !== index) return send(address, message);
        arrange();
        const answer = send(address, message);
        after();
        return answer;
      };
    };
    /** Time moves on by `tickMs` a poll, the executor still heard of. */
    const keepTime = async (tickMs: number) => {
      ctl.clock.at += tickMs;
      await ctl.post('/apis/v1/messages', executor.snapshotMessage(ctl.clock.at), EXECUTOR_HEADERS);
    };
    const replaceAcrossFailover = async (stopFirst: boolean, index: number, whileDeposed = () => {}) => {
      await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2 });
      await settlesAt('RUNNING', 2);
      const before = (await instances()).map((i) => i.instanceId).sort();
      await operate({ type: 'REPLACE_INSTANCES', appId: APP_ID, instanceIds: [], stopFirst });
      await waitUntil('the first replacement START', () => executor.received.length === index + 1, 5000);
      ctl.fence.depose();
      await new Promise((resolve) => setTimeout(resolve, 700));
      whileDeposed();
      ctl.fence.lead(TEST_FENCE_PATH);
      return before;
    };
    const replacedOnce = async (before: string[], tickMs = 0) => {
      await waitUntil(
        'both old ones stopped',
        async () => {
          if (tickMs > 0) await keepTime(tickMs);
          return (await instances('/old')).filter((i) => before.includes(i.instanceId)).length === 2;
        },
        10_000,
      );
      await settlesAt('RUNNING', 2);
      const now = (await instances()).map((i) => i.instanceId);
      expect(now.filter((id) => before.includes(id))).toEqual([]);
      const completed = (await ctl.store.readStream(applicationStream(APP_ID))).at(-1);
      expect(completed).toMatchObject({ data: { operation: 'REPLACE_INSTANCES', outcome: 'SUCCEEDED' } });
    };

    it('new first: the replacement the old leader was starting is waited for, not started again', async () => {
      let release = () => undefined as void;
      beforeMessage(2, () => (executor.hold = new Promise<void>((resolve) => (release = resolve))));
      const before = await replaceAcrossFailover(false, 2, () => release());
      await replacedOnce(before);
      expect(executor.received.map((m) => m.type)).toEqual([
        'START_INSTANCE',
        'START_INSTANCE',
        'START_INSTANCE',
        'STOP_INSTANCE',
        'START_INSTANCE',
        'STOP_INSTANCE',
      ]);
    });

    it('stopFirst: a pair whose old one is stopped waits out its pending start, then starts one in its place', async () => {
      beforeMessage(
        3,
        () => (executor.stallStarts = true),
        () => (executor.stallStarts = false),
      );
      // the stalled start's timeout is over by the time the new leader looks at it
      const before = await replaceAcrossFailover(true, 3, () => void keepTime(HOUR_MS));
      await replacedOnce(before, 1000);
      const types = executor.received.map((m) => m.type);
      expect(types.slice(0, 4)).toEqual([
        'START_INSTANCE',
        'START_INSTANCE',
        'STOP_INSTANCE',
        'START_INSTANCE',
      ]);
      expect(types.filter((t) => t === 'START_INSTANCE')).toHaveLength(5);
      const stalled = (executor.received[3] as { spec: { instanceId: string } }).spec.instanceId;
      expect((await instances('/old')).find((i) => i.instanceId === stalled)).toMatchObject({
        state: 'LOST',
      });
    });
  });

  it('an instance the log does not know (a zombie) is not recorded and is sent STOP', async () => {
    const zombie = { ...executor.nodeData(), updated: NOW + 1_000_000 };
    zombie.instances = [
      {
        appId: 'ghost-1',
        appName: 'ghost',
        instanceId: 'AI-zombie',
        executorId: executor.executorId,
        resources: [],
        state: 'HEALTHY',
        metadata: {},
        errorMessage: '',
        created: NOW,
        updated: NOW,
      },
    ];
    const snapshot = {
      type: 'EXECUTOR_SNAPSHOT',
      header: { id: 's-z', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: NOW },
      nodeData: zombie,
    };
    await ctl.post('/apis/v1/messages', snapshot, EXECUTOR_HEADERS);
    await waitUntil('STOP sent', () => executor.received.length === 1, 5000);
    expect(executor.received[0]).toMatchObject({ type: 'STOP_INSTANCE', instanceId: 'AI-zombie' });
    expect(await ctl.store.readStream('instance-AI-zombie')).toEqual([]);
  });

  it('starts that fail on the executor keep its error, and do not hold up a later scale to 0', async () => {
    executor.failStarts = true;
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await waitUntil('3 failed starts', async () => (await instances('/old')).length === 3, 10_000);
    const failed = await instances('/old');
    expect(failed.map((i) => [i.state, i.errorMessage])).toEqual(
      Array(3).fill(['START_FAILED', 'Requested CPUs are not available']),
    );
    await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 0 });
    await settlesAt('MONITORING', 0);
  });
});
