import { sequentialIdGenerator } from '@drove/domain';
import { FencedAppender } from '../event-store/fenced-appender';
import { ClusterViewService } from '../projections/cluster-view.service';
import { SyntheticCluster, SyntheticSizes, settledSteps } from '../testing/synthetic-cluster';
import { startTestController, TestController } from '../testing/test-controller';
import { RetentionOptions } from './retention.config';
import { RetentionJob } from './retention-job';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;
const SIZES: SyntheticSizes = { apps: 1, instances: 3, tasks: 3 };

describe('retention seen through the API', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(T0, undefined, undefined, false);
    const cluster = new SyntheticCluster(ctl.store, T0, SIZES);
    for (const step of settledSteps(SIZES, 0, 3)) await cluster.step(step);
    expect(await ctl.app.get(ClusterViewService).reached(await ctl.store.headPosition())).toBe(true);
  });

  afterEach(() => ctl.app.close());

  const oldIds = async (): Promise<string[]> =>
    (
      (await ctl.get('/apis/v1/applications/mini-v0/instances/old')).body.data as { instanceId: string }[]
    ).map((i) => i.instanceId);
  const taskStatus = async (taskId: string): Promise<unknown> =>
    (await ctl.get(`/apis/v1/tasks/test-app/instances/${taskId}`)).body.status;

  it('drops old instances from /instances/old and finished tasks from the task API, by the clock', async () => {
    const job = new RetentionJob(
      new FencedAppender(ctl.store, ctl.fence),
      ctl.fence,
      ctl.app.get(ClusterViewService),
      ctl.clock,
      sequentialIdGenerator(),
      new RetentionOptions(),
    );
    expect(await oldIds()).toEqual(['AI-0', 'AI-1', 'AI-2']);
    expect(await taskStatus('T0')).toBe('SUCCESS');
    ctl.clock.at = T0 + 3 * DAY;
    expect(await job.run()).toBe(3);
    expect(await taskStatus('T0')).toBe('FAILED');
    expect(await oldIds()).toHaveLength(3);
    ctl.clock.at = T0 + 8 * DAY;
    expect(await job.run()).toBe(3);
    expect(await oldIds()).toEqual([]);
    expect((await ctl.get('/apis/v1/applications/mini-v0')).body.status).toBe('SUCCESS');
  });
});
