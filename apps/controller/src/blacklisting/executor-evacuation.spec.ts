import { applicationStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { TwoFakeExecutors } from '../testing/two-fake-executors';
import { waitUntil } from '../testing/wait-until';
import { ExecutorEvacuation } from './executor-evacuation';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ApplicationOperationsSaga } from '../sagas/application-operations.saga';

const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';

interface Instance {
  instanceId: string;
  executorId: string;
  state: string;
}

describe('moving instances off a blacklisted executor while no other executor has room', () => {
  let ctl: TestController;
  let executors: TwoFakeExecutors;

  const snapshot = (executor: FakeExecutor) =>
    ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
  const healthy = async () =>
    ((await ctl.get(`/apis/v1/applications/${APP_ID}/instances`)).body.data as Instance[]).filter(
      (i) => i.state === 'HEALTHY',
    );
  const appEventTypes = async () =>
    (await ctl.store.readStream(applicationStream(APP_ID))).map((e) => e.type);
  const appEvents = async () => (await appEventTypes()).length;
  const operationRunning = () =>
    ctl.app
      .get(ClusterViewService)
      .view.applications()
      .some((app) => app.operation);
  /**
   * Simulated seconds, one evacuation pass each; an operation it starts is carried out at once (the saga's pass
   * runs on real time), as one that finds no room ends at once in a real cluster.
   */
  const runFor = async (seconds: number) => {
    const evacuation = ctl.app.get(ExecutorEvacuation);
    for (let s = 0; s < seconds; s += 1) {
      ctl.clock.at += 1000;
      await evacuation.tick();
      if (operationRunning()) ctl.app.get(ApplicationOperationsSaga).tick();
      for (let polls = 0; operationRunning() && polls < 500; polls += 1) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  };

  beforeEach(async () => {
    executors = new TwoFakeExecutors();
    ctl = await startTestController(NOW, undefined, executors, true, 3_600_000);
    executors.pushSnapshot = snapshot;
    for (const executor of [executors.one, executors.two]) {
      executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    }
    // only exec-1 is known: once it is blacklisted, there is nowhere to move to
    await snapshot(executors.one);
    const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2, opSpec: opSpecJson() };
    expect((await ctl.post('/apis/v1/applications/operations', create)).code).toBe(200);
    await waitUntil('2 healthy on exec-1', async () => (await healthy()).length === 2, 10_000);
    await waitUntil(
      'scaled',
      async () => (await appEventTypes()).includes('ApplicationOperationCompleted'),
      10_000,
    );
    expect((await ctl.post('/apis/v1/cluster/executors/exec-1-id/blacklist')).code).toBe(200);
  });

  afterEach(() => ctl.app.close());

  it('asks again with a doubling back-off, not every pass, while nothing changes', async () => {
    const before = await appEvents();
    await runFor(600);
    const written = (await appEvents()) - before;
    // asked at 0 s, then 60, 180 and 420 s: a replace and its end each (a pass a second wrote over 1000)
    expect(written).toBe(4 * 2);
    expect((await healthy()).every((i) => i.executorId === 'exec-1-id')).toBe(true);
  }, 60_000);

  it('moves the instances as soon as room appears, then blacklists', async () => {
    await runFor(300);
    const quiet = await appEvents();
    await runFor(60);
    expect(await appEvents()).toBe(quiet);

    await snapshot(executors.two);
    await runFor(12);
    await waitUntil(
      'exec-1 blacklisted',
      async () => {
        await runFor(1);
        return (await ctl.store.readStream('executor-exec-1-id')).some(
          (e) => e.type === 'ExecutorBlacklisted',
        );
      },
      10_000,
    );
    const after = await healthy();
    expect(after).toHaveLength(2);
    expect(after.every((i) => i.executorId === 'exec-2-id')).toBe(true);
  }, 60_000);
});
