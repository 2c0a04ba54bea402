import { ExecutorAddressJson, ExecutorMessage, applicationStream, executorStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { defaultAuthSettings } from '../auth/auth-settings';
import { ControllerOptions } from '../config/controller-config';
import { ExecutorMessenger } from '../messaging/executor-messenger';
import { ApplicationMonitor } from '../sagas/application-monitor';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { waitUntil } from '../testing/wait-until';
import { startWholeController, WholeController } from '../testing/whole-controller';
import { clusterOptionsSettingsOf } from './cluster-options.config';

const APP_ID = 'mini-1';
const CONFIGURED = { timeout: '45 seconds', parallelism: 3, failureStrategy: 'STOP' };

class TwoExecutors implements ExecutorMessenger {
  readonly one = new FakeExecutor('exec-1-id', 'exec-1', 3000);
  readonly two = new FakeExecutor('exec-2-id', 'exec-2', 3010);
  send(address: ExecutorAddressJson, message: ExecutorMessage) {
    return (address.executorId === this.two.executorId ? this.two : this.one).send(address, message);
  }
}

interface Instance {
  instanceId: string;
  executorId: string;
  state: string;
}

/** The operations the controller issues itself run with clusterOpTimeout and clusterOpParallelism. */
describe('clusterOpTimeout and clusterOpParallelism on recovery and evacuation', () => {
  let ctl: WholeController;
  let executors: TwoExecutors;
  // the fake executors walk instances in the background; their reports must not reach a closed server
  let closed = false;

  const post = async (url: string, payload?: object, headers: Record<string, string> = {}) => {
    const res = await ctl.app.inject({ method: 'POST', url, payload, headers });
    return { code: res.statusCode, body: res.json<{ data: Record<string, unknown> }>() };
  };
  const snapshot = (executor: FakeExecutor) =>
    post('/apis/v1/messages', executor.snapshotMessage(Date.now()), EXECUTOR_HEADERS);
  const healthy = async () =>
    (await ctl.app.inject({ method: 'GET', url: `/apis/v1/applications/${APP_ID}/instances` }))
      .json<{
        data: Instance[];
      }>()
      .data.filter((i) => i.state === 'HEALTHY');
  const stateOf = async () =>
    (await ctl.app.inject({ method: 'GET', url: `/apis/v1/applications/${APP_ID}` })).json<{
      data: { state: string };
    }>().data.state;
  const opSpecsOf = async (type: string) =>
    (await ctl.store.readStream(applicationStream(APP_ID)))
      .filter((e) => e.type === type)
      .map((e) => (e.data as { opSpec: unknown }).opSpec);

  beforeEach(async () => {
    const options = Object.assign(new ControllerOptions(), {
      clusterOpTimeout: '45 seconds',
      clusterOpParallelism: 3,
    });
    executors = new TwoExecutors();
    closed = false;
    ctl = await startWholeController({
      auth: defaultAuthSettings(),
      messenger: executors,
      clusterOptions: clusterOptionsSettingsOf(options),
    });
    for (const executor of [executors.one, executors.two]) {
      executor.report = (path, body) =>
        closed ? Promise.resolve() : post(path, body as object, EXECUTOR_HEADERS);
    }
    await snapshot(executors.one);
    const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 3, opSpec: opSpecJson() };
    expect((await post('/apis/v1/applications/operations', create)).code).toBe(200);
    await waitUntil(
      'RUNNING with 3 healthy on exec-1',
      async () => (await healthy()).length === 3 && (await stateOf()) === 'RUNNING',
      10_000,
    );
  });

  afterEach(async () => {
    closed = true;
    await ctl.app.close();
  });

  it('when an instance dies, then the monitor recovers with the configured op spec', async () => {
    const [victim] = await healthy();
    await executors.one.die(victim.instanceId);
    await waitUntil('2 healthy', async () => (await healthy()).length === 2, 10_000);
    await ctl.app.get(ApplicationMonitor).check();
    // RECOVER is recorded as an outage and a scale to the expected count
    expect((await opSpecsOf('ApplicationScalingRequested')).at(-1)).toEqual(CONFIGURED);
    await waitUntil('3 healthy again', async () => (await healthy()).length === 3, 10_000);
  });

  it('when an executor is blacklisted, then its instances move with the configured op spec and the estimate uses it', async () => {
    await snapshot(executors.two);
    const answer = await post('/apis/v1/cluster/executors/exec-1-id/blacklist');
    // 3 healthy instances at parallelism 3: one round of 45 s
    expect(answer.body.data.approxCompletionTimeMs).toBe(45_000);
    await waitUntil(
      'replacement requested',
      async () => (await opSpecsOf('ApplicationInstancesReplaceRequested')).length > 0,
      10_000,
    );
    expect(await opSpecsOf('ApplicationInstancesReplaceRequested')).toEqual([CONFIGURED]);
    // the move runs to its end, so nothing of it outlives the test
    await waitUntil(
      'exec-1 blacklisted',
      async () =>
        (await ctl.store.readStream(executorStream('exec-1-id'))).some(
          (e) => e.type === 'ExecutorBlacklisted',
        ),
      15_000,
    );
  });
});
