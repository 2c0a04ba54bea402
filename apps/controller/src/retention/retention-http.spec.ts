import { sequentialIdGenerator } from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { FencedAppender } from '../event-store/fenced-appender';
import { ClusterViewService } from '../projections/cluster-view.service';
import { SyntheticCluster, SyntheticSizes, settledSteps } from '../testing/synthetic-cluster';
import { startTestController, TestController } from '../testing/test-controller';
import { RetentionOptions } from './retention.config';
import { RetentionJob } from './retention-job';
import { StaleDestroyer } from './stale-destroyer';

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
    const options = new RetentionOptions();
    const view = ctl.app.get(ClusterViewService);
    const appender = new FencedAppender(ctl.store, ctl.fence);
    // ids of its own: the synthetic history took the controller's sequential ones
    const pipeline = new CommandPipeline(
      ctl.store,
      appender,
      sequentialIdGenerator('10000000-0000-4000-8000-'),
    );
    const destroyer = new StaleDestroyer(pipeline, view, ctl.app.get(MaintenanceWindow), options);
    const job = new RetentionJob(
      appender,
      ctl.fence,
      view,
      ctl.clock,
      sequentialIdGenerator(),
      options,
      destroyer,
    );
    expect(await oldIds()).toEqual(['AI-0', 'AI-1', 'AI-2']);
    expect(await taskStatus('T0')).toBe('SUCCESS');
    ctl.clock.at = T0 + 3 * DAY;
    expect(await job.run()).toEqual({ destroyed: [], pruned: 3 });
    expect(await taskStatus('T0')).toBe('FAILED');
    expect(await oldIds()).toHaveLength(3);
    ctl.clock.at = T0 + 8 * DAY;
    // mini-v0 has been suspended (MONITORING) since T0: Drove's staleAppAge (7 days) is past as well
    expect(await job.run()).toEqual({ destroyed: ['mini-v0'], pruned: 3 });
    expect(await oldIds()).toEqual([]);
    expect((await ctl.get('/apis/v1/applications/mini-v0')).body.data).toMatchObject({
      state: 'DESTROY_REQUESTED',
    });
    const events = (await ctl.get('/apis/v1/cluster/events')).body.data as {
      type: string;
      metadata: Record<string, unknown>;
    }[];
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'APP_STATE_CHANGE',
        metadata: expect.objectContaining({
          APP_ID: 'mini-v0',
          CURRENT_STATE: 'DESTROY_REQUESTED',
        }) as unknown,
      }),
    );
    const audit = (await ctl.get('/apis/v2/audit/events?actor=system&type=ApplicationDestroyRequested')).body
      .data as { events: { stream: string }[] };
    expect(audit.events.map((e) => e.stream)).toEqual(['app-mini-v0']);
  });
});
