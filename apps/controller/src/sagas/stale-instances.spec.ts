import { ExecutorMessenger } from '../messaging/executor-messenger';
import { StartInstanceMessage, executorStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { StaleExecutorSweeper } from '../executors/stale-executor-sweeper';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { ApplicationMonitor } from './application-monitor';

const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';
const STALENESS_MS = 60_000;
const STALE_EXECUTOR_AGE_MS = 45_000;
const NEXT_FENCE_PATH = '/drove/leader/c-0000000009';

interface Instance {
  instanceId: string;
  executorId: string;
  state: string;
  errorMessage: string;
}

/**
 * Drove's staleness rules on the leader, with the test clock moved by hand and the monitor and the sweeper run
 * by the test (their timers are 60 s and 10 s of real time here, so they never fire on their own).
 */
describe('stale instances and executors', () => {
  let ctl: TestController;
  let one: FakeExecutor;
  let two: FakeExecutor;
  const messenger: ExecutorMessenger = {
    send: (address, message) => (address.executorId === two.executorId ? two : one).send(address, message),
  };

  const snapshot = (executor: FakeExecutor, withInstances = true) => {
    const message = executor.snapshotMessage(NOW);
    const nodeData = withInstances ? message.nodeData : { ...message.nodeData, instances: [] };
    return ctl.post('/apis/v1/messages', { ...message, nodeData }, EXECUTOR_HEADERS);
  };
  const list = async (suffix: string) =>
    (await ctl.get(`/apis/v1/applications/${APP_ID}/instances${suffix}`)).body.data as Instance[];
  const healthy = async () => (await list('')).filter((i) => i.state === 'HEALTHY');
  const lost = async () => (await list('/old')).filter((i) => i.state === 'LOST');
  const check = () => ctl.app.get(ApplicationMonitor).check();
  const logSize = () => ctl.store.headPosition();
  const replacedOn = async (executorId: string, old: string) =>
    waitUntil(
      `a new instance HEALTHY on ${executorId}`,
      async () => {
        const now = await healthy();
        return now.length === 1 && now[0].executorId === executorId && now[0].instanceId !== old;
      },
      10_000,
    );

  beforeEach(async () => {
    one = new FakeExecutor('exec-1-id', 'exec-1', 3000);
    two = new FakeExecutor('exec-2-id', 'exec-2', 3010);
    ctl = await startTestController(NOW, undefined, messenger, true, 60_000);
    for (const executor of [one, two])
      executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    await snapshot(one);
    const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1, opSpec: opSpecJson() };
    expect((await ctl.post('/apis/v1/applications/operations', create)).code).toBe(200);
    await waitUntil(
      'RUNNING with 1 healthy on exec-1',
      async () =>
        (await healthy()).length === 1 &&
        ((await ctl.get(`/apis/v1/applications/${APP_ID}`)).body.data as { state: string }).state ===
          'RUNNING',
      10_000,
    );
  });

  afterEach(() => ctl.app.close());

  it('never marks a steady HEALTHY instance LOST while its executor sends snapshots, and logs nothing for them', async () => {
    const [instance] = await healthy();
    const before = await logSize();
    for (let round = 0; round < 5; round++) {
      ctl.clock.at += STALENESS_MS - 10_000;
      await snapshot(one);
      await check();
    }
    expect(await healthy()).toEqual([instance]);
    expect(await logSize()).toBe(before);
  });

  it('marks an instance its live executor stops listing LOST after the staleness, and RECOVER replaces it', async () => {
    const [instance] = await healthy();
    await snapshot(one, false);
    ctl.clock.at += STALENESS_MS;
    await check();
    expect(await healthy()).toEqual([instance]);
    ctl.clock.at += 1;
    await check();
    expect(await lost()).toEqual([
      expect.objectContaining({ instanceId: instance.instanceId, errorMessage: 'Instance lost' }),
    ]);
    await replacedOn('exec-1-id', instance.instanceId);
  });

  it('removes an executor silent for staleExecutorAge, replaces its instance elsewhere, and adds it back when it reports', async () => {
    const [instance] = await healthy();
    await snapshot(two);
    ctl.clock.at += STALE_EXECUTOR_AGE_MS;
    await snapshot(two);
    expect(ctl.app.get(StaleExecutorSweeper).sweep()).toEqual([]);
    ctl.clock.at += 1;
    expect(ctl.app.get(StaleExecutorSweeper).sweep()).toEqual(['exec-1-id']);
    await waitUntil('the instance LOST', async () => (await lost()).length === 1, 10_000);
    expect((await lost())[0]).toMatchObject({
      instanceId: instance.instanceId,
      errorMessage: 'Instance lost',
    });
    await check();
    await replacedOn('exec-2-id', instance.instanceId);
    const executorEvents = async () =>
      (await ctl.store.readStream(executorStream('exec-1-id'))).map((e) => e.type);
    await waitUntil(
      'EXECUTOR_REMOVED',
      async () => (await executorEvents()).includes('ExecutorRemoved'),
      5000,
    );
    // back from its hang, it still runs the instance the log holds LOST: that one is stopped, not revived
    await snapshot(one);
    await waitUntil(
      'the executor added again',
      async () => (await executorEvents()).join() === 'ExecutorAdded,ExecutorRemoved,ExecutorAdded',
      5000,
    );
    const stops = one.received.filter((m) => m.type === 'STOP_INSTANCE');
    expect(stops).toEqual([expect.objectContaining({ instanceId: instance.instanceId })]);
    expect((await lost())[0].instanceId).toBe(instance.instanceId);
  });

  it('leaves an instance not heard of for the staleness out of sibling discovery, as Drove does', async () => {
    const start = one.received.find((m): m is StartInstanceMessage => m.type === 'START_INSTANCE');
    const token = { 'app-instance-authorization': start?.spec.instanceAuthToken as string };
    const siblings = async () =>
      ((await ctl.get('/apis/v1/internal/instances', token)).body.data as Instance[]).map(
        (i) => i.instanceId,
      );
    expect(await siblings()).toEqual([start?.spec.instanceId]);
    ctl.clock.at += STALENESS_MS + 1;
    expect(await siblings()).toEqual([]);
    await snapshot(one);
    expect(await siblings()).toEqual([start?.spec.instanceId]);
  });

  it('marks nothing in the maintenance window', async () => {
    expect((await ctl.post('/apis/v1/cluster/maintenance/set')).code).toBe(200);
    ctl.clock.at += 10 * STALENESS_MS;
    await check();
    expect(await healthy()).toHaveLength(1);
  });

  it('gives every instance one staleness period from when a new leader started leading', async () => {
    ctl.clock.at += 10 * STALENESS_MS;
    ctl.store.grantFence(NEXT_FENCE_PATH);
    ctl.fence.lead(NEXT_FENCE_PATH);
    await check();
    expect(await healthy()).toHaveLength(1);
    ctl.clock.at += STALENESS_MS + 1;
    await check();
    expect(await lost()).toHaveLength(1);
  });
});
