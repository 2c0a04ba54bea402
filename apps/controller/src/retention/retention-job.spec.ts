import { Logger } from '@nestjs/common';
import { sequentialIdGenerator } from '@drove/domain';
import { MemoryEventStore } from '@drove/events';
import { clusterAt } from '../audit/cluster-history';
import { FencedAppender } from '../event-store/fenced-appender';
import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { ClusterViewService } from '../projections/cluster-view.service';
import { SyntheticCluster, SyntheticSizes, settledSteps } from '../testing/synthetic-cluster';
import { TestFence } from '../testing/test-fence';
import { RetentionOptions } from './retention.config';
import { RetentionJob } from './retention-job';
import { planPruning } from './retention-plan';
import { RETENTION_STREAM } from './view-records-pruned.event';

Logger.overrideLogger(false);

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;
const FENCE_PATH = '/drove/leader/c-1';
// 2 apps; 10 instances and 10 tasks, each walked to STOPPED by settledSteps one step (1 s of clock) after another.
const SIZES: SyntheticSizes = { apps: 2, instances: 10, tasks: 10 };

const oldInstanceIds = (view: ClusterViewProjection): string[] =>
  view.applications().flatMap((app) =>
    view
      .instancesOf(app.appId as string)
      .filter((i) => i.state === 'STOPPED')
      .map((i) => i.instanceId as string),
  );

describe('RetentionJob', () => {
  const clock = { at: T0, now: () => clock.at };
  let store: MemoryEventStore;
  let fence: TestFence;
  let view: ClusterViewService;
  let ids = sequentialIdGenerator();

  const job = (patch: Partial<RetentionOptions> = {}): RetentionJob =>
    new RetentionJob(
      new FencedAppender(store, fence),
      fence,
      view,
      clock,
      ids,
      Object.assign(new RetentionOptions(), patch),
    );

  beforeEach(async () => {
    clock.at = T0;
    ids = sequentialIdGenerator();
    store = new MemoryEventStore({ clock: () => clock.at });
    store.grantFence(FENCE_PATH);
    fence = new TestFence();
    const cluster = new SyntheticCluster(store, T0, SIZES);
    for (const step of settledSteps(SIZES, 0, 10)) await cluster.step(step);
    view = new ClusterViewService(store, fence);
    await view.onApplicationBootstrap();
    clock.at = T0 + 3_600_000;
  });

  afterEach(() => view.onModuleDestroy());

  it('drops nothing on a follower, nor while every record is young and within the count', async () => {
    expect(await job().run()).toBe(0);
    fence.lead(FENCE_PATH);
    expect(await job().run()).toBe(0);
    expect(oldInstanceIds(view.view)).toHaveLength(10);
    expect(view.view.tasks.all()).toHaveLength(10);
  });

  it('keeps the newest maxStaleInstancesCount old instances per app', async () => {
    fence.lead(FENCE_PATH);
    expect(await job({ maxStaleInstancesCount: 2 }).run()).toBe(6);
    // settledSteps puts instance i in app i % 2; the newest are the highest indices.
    expect(oldInstanceIds(view.view).sort()).toEqual(['AI-6', 'AI-7', 'AI-8', 'AI-9']);
    expect(view.view.tasks.all()).toHaveLength(10);
  });

  it('drops finished tasks after staleTaskAge and old instances after staleInstanceAge, by the injected clock', async () => {
    fence.lead(FENCE_PATH);
    clock.at = T0 + 2 * DAY + 3_600_000;
    expect(await job().run()).toBe(10);
    expect(view.view.tasks.all()).toEqual([]);
    expect(oldInstanceIds(view.view)).toHaveLength(10);
    clock.at = T0 + 7 * DAY + 3_600_000;
    expect(await job().run()).toBe(10);
    expect(oldInstanceIds(view.view)).toEqual([]);
    expect(view.view.applications()).toHaveLength(2);
  });

  it('is deterministic: a replay of the log, from scratch or a history fold, drops the same records at the same point', async () => {
    fence.lead(FENCE_PATH);
    const before = clock.at;
    clock.at = T0 + 8 * DAY;
    await job().run();
    const replayed = new ClusterViewProjection();
    for (const event of await store.readAll(1, 10_000)) replayed.apply(event);
    expect(replayed.snapshot()).toEqual(view.view.snapshot());
    const [pruned] = await store.readStream(RETENTION_STREAM);
    expect(pruned).toMatchObject({ type: 'ViewRecordsPruned', actor: 'system', time: T0 + 8 * DAY });
    // The log keeps everything: the cluster as it was before the pruning still lists them.
    expect((await clusterAt(store, before)).instances).toHaveLength(10);
    expect((await clusterAt(store, clock.at)).instances).toHaveLength(0);
  });

  it('a record that became active again after the decision is not dropped', async () => {
    fence.lead(FENCE_PATH);
    const planned = planPruning(view.view, T0 + 8 * DAY, {
      instanceAgeMs: DAY,
      maxOldInstancesPerApp: 100,
      taskAgeMs: DAY,
    });
    expect(planned.instanceIds).toHaveLength(10);
    const cluster = new SyntheticCluster(store, T0 + 8 * DAY, SIZES);
    await cluster.step({ kind: 5, a: 3, b: 0 }); // AI-3 reported PENDING again
    await store.append(RETENTION_STREAM, 'any', [
      { id: 'prune-1', type: 'ViewRecordsPruned', data: { ...planned, at: T0 + 8 * DAY } },
    ]);
    expect(await view.reached(await store.headPosition())).toBe(true);
    expect(view.view.instance('AI-3')?.state).toBe('PENDING');
    expect(oldInstanceIds(view.view)).toEqual([]);
  });
});
