import {
  ExecutorAddressJson,
  ExecutorMessage,
  StartLocalServiceInstanceMessage,
  localServiceStream,
} from '@drove/domain';
import { localServiceSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ExecutorMessenger } from '../messaging/executor-messenger';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TEST_FENCE_PATH, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = 1_700_000_000_000;
const SERVICE_ID = 'test-service-1';
const MONITOR_MS = 200;

/** Each message goes to the fake executor it is addressed to. */
class Executors implements ExecutorMessenger {
  readonly all = [
    new FakeExecutor('exec-1-id', 'exec-1', 3000),
    new FakeExecutor('exec-2-id', 'exec-2', 3010),
  ];

  send(address: ExecutorAddressJson, message: ExecutorMessage) {
    const target = this.all.find((e) => e.executorId === address.executorId);
    return target ? target.send(address, message) : Promise.resolve({ status: 'FAILED' as const });
  }
}

interface Instance {
  instanceId: string;
  executorId: string;
  state: string;
}

describe('local service saga with two in-process executors', () => {
  let ctl: TestController;
  let executors: Executors;

  const join = (executor: FakeExecutor) =>
    ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
  const operate = async (body: Record<string, unknown>) =>
    expect((await ctl.post('/apis/v1/localservices/operations', body)).body).toMatchObject({
      status: 'SUCCESS',
    });
  const serviceOp = (type: string, extra: Record<string, unknown> = {}) =>
    operate({ type, serviceId: SERVICE_ID, ...extra });
  const instances = async (suffix = '') =>
    ((await ctl.get(`/apis/v1/localservices/${SERVICE_ID}/instances${suffix}`)).body.data ??
      []) as Instance[];
  const healthyPerExecutor = async () => {
    const counts: Record<string, number> = {};
    for (const i of await instances('?state=HEALTHY')) counts[i.executorId] = (counts[i.executorId] ?? 0) + 1;
    return counts;
  };
  const settles = async (state: string, perExecutor: Record<string, number>) =>
    waitUntil(
      `${state} with ${JSON.stringify(perExecutor)} healthy`,
      async () => {
        const summary = (await ctl.get(`/apis/v1/localservices/${SERVICE_ID}`)).body.data as {
          state: string;
        };
        return (
          summary?.state === state &&
          JSON.stringify(await healthyPerExecutor()) === JSON.stringify(perExecutor)
        );
      },
      10_000,
    );
  const sent = (type: ExecutorMessage['type']) =>
    executors.all.flatMap((e) => e.received).filter((m) => m.type === type);
  const createActive = async (instancesPerHost = 1) => {
    const { devices: _devices, ...spec } = localServiceSpecJson();
    await operate({ type: 'CREATE', spec, instancesPerHost });
    await serviceOp('ACTIVATE');
  };

  beforeEach(async () => {
    executors = new Executors();
    ctl = await startTestController(
      NOW,
      undefined,
      executors,
      true,
      60_000,
      undefined,
      undefined,
      MONITOR_MS,
    );
    for (const executor of executors.all)
      executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
  });

  afterEach(() => ctl.app.close());

  it('runs instancesPerHost on every executor once ACTIVE, stops them on DEACTIVATE, and DESTROY forgets it', async () => {
    for (const executor of executors.all) await join(executor);
    await createActive();
    await settles('ACTIVE', { 'exec-1-id': 1, 'exec-2-id': 1 });
    const starts = sent('START_LOCAL_SERVICE_INSTANCE') as StartLocalServiceInstanceMessage[];
    expect(starts.map((m) => [m.address.executorId, m.spec.serviceId, m.spec.hostLevelInstance])).toEqual(
      expect.arrayContaining([
        ['exec-1-id', SERVICE_ID, false],
        ['exec-2-id', SERVICE_ID, false],
      ]),
    );
    expect(starts.every((m) => m.spec.instanceId.startsWith('SI-'))).toBe(true);
    expect((await ctl.get('/apis/v1/cluster')).body.data).toMatchObject({ numActiveLocalServices: 1 });
    const { serviceStats } = (await ctl.get('/apis/v1/cluster/dashboard')).body.data as {
      serviceStats: {
        serviceCountByState: Record<string, number>;
        serviceCountByActivationState: Record<string, number>;
        topServices: { id: string; totalCPUs: number }[];
        totalHealthyInstances: number;
      };
    };
    expect(serviceStats.serviceCountByState.ACTIVE).toBe(1);
    expect(serviceStats.serviceCountByActivationState.ACTIVE).toBe(1);
    expect(serviceStats.topServices.map((t) => [t.id, t.totalCPUs])).toEqual([[SERVICE_ID, 2]]);
    expect(serviceStats.totalHealthyInstances).toBe(2);
    const metrics = await ctl.app.get(ControllerMetrics).registry.metrics();
    expect(metrics).toContain('drove_controller_local_services{state="ACTIVE"} 1');
    expect(metrics).toContain('drove_controller_local_service_instances{state="HEALTHY"} 2');

    await serviceOp('DEACTIVATE');
    await settles('INACTIVE', {});
    expect(sent('STOP_LOCAL_SERVICE_INSTANCE')).toHaveLength(2);
    expect((await instances('/old')).map((i) => i.state)).toEqual(['STOPPED', 'STOPPED']);
    expect(executors.all.flatMap((e) => e.all())).toEqual([]);

    await serviceOp('DESTROY');
    await waitUntil(
      'the service gone',
      async () => (await ctl.get(`/apis/v1/localservices/${SERVICE_ID}`)).body.status === 'FAILED',
    );
    const types = (await ctl.store.readStream(localServiceStream(SERVICE_ID))).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['LocalServiceOperationRequested', 'LocalServiceDestroyed']);
    const feed = (await ctl.get('/apis/v1/cluster/events/summary')).body.data as {
      eventsCount: Record<string, number>;
    };
    expect(feed.eventsCount.LOCAL_SERVICE_STATE_CHANGE).toBeGreaterThan(0);
    expect(feed.eventsCount.LOCAL_SERVICE_INSTANCE_STATE_CHANGE).toBeGreaterThan(0);
  });

  it('starts instances on an executor that joins later, and replaces one that died', async () => {
    await join(executors.all[0]);
    await createActive();
    await settles('ACTIVE', { 'exec-1-id': 1 });
    await join(executors.all[1]);
    await settles('ACTIVE', { 'exec-1-id': 1, 'exec-2-id': 1 });
    const [victim] = executors.all[1].all();
    await executors.all[1].die(victim.instanceId);
    await waitUntil('a replacement on exec-2', async () =>
      (await instances('?state=HEALTHY')).some(
        (i) => i.executorId === 'exec-2-id' && i.instanceId !== victim.instanceId,
      ),
    );
    expect((await instances('/old')).map((i) => i.instanceId)).toEqual([victim.instanceId]);
  });

  it('follows UPDATE_INSTANCE_COUNT, replaces every instance on RESTART, and stops the instances of a cordoned executor', async () => {
    for (const executor of executors.all) await join(executor);
    await createActive();
    await settles('ACTIVE', { 'exec-1-id': 1, 'exec-2-id': 1 });
    await serviceOp('UPDATE_INSTANCE_COUNT', { instancesPerHost: 2 });
    await settles('ACTIVE', { 'exec-1-id': 2, 'exec-2-id': 2 });
    expect((await ctl.get(`/apis/v1/localservices/${SERVICE_ID}`)).body.data).toMatchObject({
      instancesPerHost: 2,
    });

    const before = (await instances()).map((i) => i.instanceId);
    await serviceOp('RESTART', { stopFirst: true });
    await waitUntil('all four replaced', async () => {
      const now = await instances('?state=HEALTHY');
      return now.length === 4 && now.every((i) => !before.includes(i.instanceId));
    });
    await settles('ACTIVE', { 'exec-1-id': 2, 'exec-2-id': 2 });

    ctl.app.get(ExecutorRegistry).cordon('exec-2-id', true);
    await settles('ACTIVE', { 'exec-1-id': 2 });
  });

  it('runs a single test instance on DEPLOY_TEST_INSTANCE, then one per executor once activated', async () => {
    for (const executor of executors.all) await join(executor);
    const { devices: _devices, ...spec } = localServiceSpecJson();
    await operate({ type: 'CREATE', spec, instancesPerHost: 1 });
    await serviceOp('DEPLOY_TEST_INSTANCE');
    await waitUntil('one test instance', async () => {
      const summary = (await ctl.get(`/apis/v1/localservices/${SERVICE_ID}`)).body.data as { state: string };
      return summary.state === 'CONFIG_TESTING' && (await instances('?state=HEALTHY')).length === 1;
    });
    await serviceOp('ACTIVATE');
    await settles('ACTIVE', { 'exec-1-id': 1, 'exec-2-id': 1 });
    await serviceOp('ADJUST_INSTANCES');
    await settles('ACTIVE', { 'exec-1-id': 1, 'exec-2-id': 1 });
    expect(sent('START_LOCAL_SERVICE_INSTANCE')).toHaveLength(2);
  });

  it('parks an ACTIVE service whose ADJUST_INSTANCES was cancelled, leaves it alone, and DEACTIVATE ends it INACTIVE', async () => {
    await join(executors.all[0]);
    await createActive();
    await settles('ACTIVE', { 'exec-1-id': 1 });
    const [first] = executors.all[0].all();
    await executors.all[0].die(first.instanceId);
    // the monitor's replacement waits on this, so the ADJUST below is still queued when it is cancelled
    let release = () => undefined as void;
    executors.all[0].hold = new Promise<void>((resolve) => (release = resolve));
    await waitUntil('a replacement START', () => sent('START_LOCAL_SERVICE_INSTANCE').length === 2, 5000);
    await serviceOp('ADJUST_INSTANCES');
    const cancelled = await ctl.post(`/apis/v1/localservices/operations/${SERVICE_ID}/cancel`, {});
    release();
    expect(cancelled.code).toBe(200);
    await settles('EMERGENCY_DEACTIVATION_REQUESTED', { 'exec-1-id': 1 });
    expect((await ctl.get(`/apis/v1/localservices/${SERVICE_ID}`)).body.data).toMatchObject({
      activationState: 'ACTIVE',
    });
    const types = (await ctl.store.readStream(localServiceStream(SERVICE_ID))).map((e) => e.type);
    expect(types.slice(-2)).toEqual([
      'LocalServiceOperationCancelRequested',
      'LocalServiceEmergencyDeactivationRequested',
    ]);

    const [second] = executors.all[0].all();
    await executors.all[0].die(second.instanceId);
    await new Promise((resolve) => setTimeout(resolve, 5 * MONITOR_MS));
    expect(sent('START_LOCAL_SERVICE_INSTANCE')).toHaveLength(2);
    const refused = await ctl.post('/apis/v1/localservices/operations', {
      type: 'ADJUST_INSTANCES',
      serviceId: SERVICE_ID,
    });
    expect(refused.code).toBe(400);

    await join(executors.all[1]);
    await serviceOp('DEACTIVATE');
    await settles('INACTIVE', {});
    expect(sent('START_LOCAL_SERVICE_INSTANCE')).toHaveLength(2);
  });

  it('a new leader resumes an activation in flight from the log instead of starting the instance again', async () => {
    let release = () => undefined as void;
    executors.all[0].hold = new Promise<void>((resolve) => (release = resolve));
    await join(executors.all[0]);
    await createActive();
    await waitUntil('START sent', () => sent('START_LOCAL_SERVICE_INSTANCE').length === 1, 5000);
    ctl.fence.depose();
    await new Promise((resolve) => setTimeout(resolve, 700));
    ctl.fence.lead(TEST_FENCE_PATH);
    release();
    await settles('ACTIVE', { 'exec-1-id': 1 });
    expect(sent('START_LOCAL_SERVICE_INSTANCE')).toHaveLength(1);
  });

  it('stops the listed instances on STOP_INSTANCES and stops a service instance unknown to the log', async () => {
    await join(executors.all[0]);
    await createActive();
    await settles('ACTIVE', { 'exec-1-id': 1 });
    const [first] = await instances();
    // a long monitor period would let the stop show; here the monitor restores the count at once
    await serviceOp('STOP_INSTANCES', { instanceIds: [first.instanceId] });
    await waitUntil('the listed instance stopped', async () =>
      (await instances('/old')).some((i) => i.instanceId === first.instanceId),
    );
    await settles('ACTIVE', { 'exec-1-id': 1 });

    const zombie = {
      serviceId: SERVICE_ID,
      serviceName: 'test-service',
      instanceId: 'SI-zombie',
      executorId: 'exec-1-id',
      resources: [],
      state: 'HEALTHY',
      metadata: {},
      errorMessage: '',
      created: NOW,
      updated: NOW,
    };
    await ctl.post(
      '/apis/v1/messages',
      {
        type: 'LOCAL_SERVICE_INSTANCE_STATE_REPORT',
        header: { id: 'z-1', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: NOW },
        resourceSnapshot: executors.all[0].nodeData().state,
        instanceInfo: zombie,
      },
      EXECUTOR_HEADERS,
    );
    expect(sent('STOP_LOCAL_SERVICE_INSTANCE').map((m) => 'instanceId' in m && m.instanceId)).toContain(
      'SI-zombie',
    );
    expect((await instances()).map((i) => i.instanceId)).not.toContain('SI-zombie');
  });

  describe('an operation whose instance job fails is FAILED, with the reason', () => {
    const completions = async () =>
      (await ctl.store.readStream(localServiceStream(SERVICE_ID)))
        .filter((e) => e.type === 'LocalServiceOperationCompleted')
        .map((e) => e.data as { operation: string; outcome: string; error?: string });
    const refuseStops = (e: FakeExecutor) => (e.stopAnswer = { status: 'FAILED', error: 'busy' });
    const failStarts = (e: FakeExecutor) => (e.failStarts = true);

    it.each([
      [
        'REPLACE_INSTANCES',
        {},
        failStarts,
        /^1 of 1 instance\(s\) not replaced: (SI-\S+) kept, its replacement failed: .*Requested CPUs are not available$/,
        true,
      ],
      [
        'RESTART',
        { stopFirst: true },
        failStarts,
        /^1 of 1 instance\(s\) not replaced: (SI-\S+) stopped, its replacement failed: /,
        false,
      ],
      [
        'STOP_INSTANCES',
        {},
        refuseStops,
        /^1 of 1 instance\(s\) not stopped: (SI-\S+): stop not accepted by the executor: busy$/,
        true,
      ],
    ] as const)('%s %p', async (type, extra, arrange, error, oldKept) => {
      await join(executors.all[0]);
      await createActive();
      await settles('ACTIVE', { 'exec-1-id': 1 });
      const [old] = await instances();
      const done = (await completions()).length;
      arrange(executors.all[0]);
      await serviceOp(type, { ...extra, instanceIds: [old.instanceId] });
      await waitUntil('completed', async () => (await completions()).length > done, 10_000);
      const completion = (await completions())[done];
      expect(completion).toMatchObject({ operation: type, outcome: 'FAILED' });
      expect(completion.error).toMatch(error);
      expect(completion.error?.match(error)?.[1]).toBe(old.instanceId);
      const stillHealthy = (await instances('?state=HEALTHY')).map((i) => i.instanceId);
      expect(stillHealthy.includes(old.instanceId)).toBe(oldKept);
    });
  });

  it('marks an instance nothing is heard of for 60 s LOST (Drove: Instance lost) and starts another on its executor', async () => {
    for (const executor of executors.all) await join(executor);
    await createActive();
    await settles('ACTIVE', { 'exec-1-id': 1, 'exec-2-id': 1 });
    const [silent, reporting] = executors.all;
    const before = await instances();
    ctl.clock.at += 60_001;
    // exec-1 stays alive but its snapshot no longer lists its instance; exec-2's lists its own
    await ctl.post(
      '/apis/v1/messages',
      { ...silent.snapshotMessage(NOW), nodeData: { ...silent.nodeData(), serviceInstances: [] } },
      EXECUTOR_HEADERS,
    );
    await join(reporting);
    const lostOn = (executorId: string) => async () =>
      (await instances('/old')).filter((i) => i.state === 'LOST' && i.executorId === executorId);
    await waitUntil(
      'the exec-1 instance LOST',
      async () => (await lostOn('exec-1-id')()).length === 1,
      10_000,
    );
    await waitUntil(
      'a HEALTHY instance on each executor again',
      async () => JSON.stringify(await healthyPerExecutor()) === '{"exec-2-id":1,"exec-1-id":1}',
      10_000,
    );
    const lost = (await lostOn('exec-1-id')())[0] as Instance & { errorMessage: string };
    expect(lost.errorMessage).toBe('Instance lost');
    expect(before.map((i) => i.instanceId)).toContain(lost.instanceId);
    expect(await lostOn('exec-2-id')()).toEqual([]);
  });
});
