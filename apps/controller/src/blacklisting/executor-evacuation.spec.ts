import { applicationStream } from '@drove/domain';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ApplicationOperationsSaga } from '../sagas/application-operations.saga';
import { TestController } from '../testing/test-controller';
import {
  AppOnExecutorOne,
  MINI_APP_ID,
  TwoFakeExecutors,
  appOnExecutorOne,
} from '../testing/two-fake-executors';
import { waitUntil } from '../testing/wait-until';
import { ExecutorEvacuation } from './executor-evacuation';

const NOW = 1_700_000_000_000;
const APP_ID = MINI_APP_ID;

describe('moving instances off a blacklisted executor while no other executor has room', () => {
  let ctl: TestController;
  let executors: TwoFakeExecutors;
  let snapshot: AppOnExecutorOne['snapshot'];
  let healthy: AppOnExecutorOne['healthy'];

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
      for (let polls = 0; operationRunning() && polls < 2500; polls += 1) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  };

  beforeEach(async () => {
    // exec-2 is not known: once exec-1 is blacklisted, there is nowhere to move to
    ({ ctl, executors, snapshot, healthy } = await appOnExecutorOne(NOW, 3_600_000));
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

    // a blacklist request made again is acted on at once, whatever the back-off
    expect((await ctl.post('/apis/v1/cluster/executors/exec-1-id/blacklist')).code).toBe(200);
    await runFor(1);
    expect((await appEvents()) - before).toBe(5 * 2);
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
