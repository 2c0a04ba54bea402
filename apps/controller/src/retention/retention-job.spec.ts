import { Logger } from '@nestjs/common';
import {
  CLUSTER_STREAM,
  LocalServiceSpecJson,
  applicationDecider,
  applicationStream,
  clusterDecider,
  localServiceDecider,
  localServiceStream,
  sequentialIdGenerator,
} from '@drove/domain';
import { localServiceSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { MemoryEventStore } from '@drove/events';
import { clusterAt } from '../audit/cluster-history';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { FencedAppender } from '../event-store/fenced-appender';
import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { ClusterViewService } from '../projections/cluster-view.service';
import { SyntheticCluster, SyntheticSizes, settledSteps } from '../testing/synthetic-cluster';
import { TestFence } from '../testing/test-fence';
import { RetentionOptions } from './retention.config';
import { RetentionJob } from './retention-job';
import { planPruning } from './retention-plan';
import { StaleDestroyer } from './stale-destroyer';
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

  const job = (patch: Partial<RetentionOptions> = {}): RetentionJob => {
    const options = Object.assign(new RetentionOptions(), patch);
    const appender = new FencedAppender(store, fence);
    const pipeline = new CommandPipeline(store, appender, ids);
    const destroyer = new StaleDestroyer(pipeline, view, new MaintenanceWindow(pipeline, 40_000), options);
    return new RetentionJob(appender, fence, view, clock, ids, options, destroyer);
  };
  const prunedBy = async (patch: Partial<RetentionOptions> = {}) => (await job(patch).run()).pruned;

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
    expect(await prunedBy()).toBe(0);
    fence.lead(FENCE_PATH);
    expect(await prunedBy()).toBe(0);
    expect(oldInstanceIds(view.view)).toHaveLength(10);
    expect(view.view.tasks.all()).toHaveLength(10);
  });

  it('keeps the newest maxStaleInstancesCount old instances per app', async () => {
    fence.lead(FENCE_PATH);
    expect(await prunedBy({ maxStaleInstancesCount: 2 })).toBe(6);
    // settledSteps puts instance i in app i % 2; the newest are the highest indices.
    expect(oldInstanceIds(view.view).sort()).toEqual(['AI-6', 'AI-7', 'AI-8', 'AI-9']);
    expect(view.view.tasks.all()).toHaveLength(10);
  });

  it('drops finished tasks after staleTaskAge and old instances after staleInstanceAge, by the injected clock', async () => {
    fence.lead(FENCE_PATH);
    clock.at = T0 + 2 * DAY + 3_600_000;
    expect(await prunedBy()).toBe(10);
    expect(view.view.tasks.all()).toEqual([]);
    expect(oldInstanceIds(view.view)).toHaveLength(10);
    clock.at = T0 + 7 * DAY + 3_600_000;
    expect(await prunedBy()).toBe(10);
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

  describe('stale apps and local services', () => {
    const SERVICE = 'test-service-1';
    const MINUTE = 60_000;
    const pipeline = () => new CommandPipeline(store, new FencedAppender(store, fence), ids);
    const issue = async (decider: object, stream: string, command: object) => {
      const outcome = await pipeline().execute(decider as never, stream, command, { actor: 'tester' });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) await view.reached(outcome.positions[outcome.positions.length - 1]);
    };
    const service = (command: object) =>
      issue(localServiceDecider, localServiceStream(SERVICE), { serviceId: SERVICE, ...command });
    const app = (appId: string, command: object) =>
      issue(applicationDecider, applicationStream(appId), { appId, opSpec: opSpecJson(), ...command });
    const destroysIn = async (stream: string) =>
      (await store.readStream(stream)).filter(
        (e) =>
          e.type === 'ApplicationDestroyRequested' ||
          (e.data as { operation?: string }).operation === 'DESTROY',
      );

    beforeEach(async () => {
      fence.lead(FENCE_PATH);
      // the synthetic apps are MONITORING since T0; mini-v1 is scaled to one instance (RUNNING) a day later
      clock.at = T0 + DAY;
      await app('mini-v1', { type: 'ScaleApplication', requiredInstances: 1, at: clock.at });
      await app('mini-v1', {
        type: 'CompleteApplicationOperation',
        outcome: 'SUCCEEDED',
        healthyInstances: 1,
        at: clock.at,
      });
      const spec = localServiceSpecJson() as LocalServiceSpecJson;
      await service({ type: 'CreateLocalService', spec, instancesPerHost: 1, at: T0 });
    });

    it('given a suspended app and an INACTIVE service older than the ages, when the job runs, then both get an ordinary DESTROY from system', async () => {
      clock.at = T0 + 7 * DAY - MINUTE;
      expect((await job().run()).destroyed).toEqual([]);
      clock.at = T0 + 7 * DAY + MINUTE;
      expect((await job().run()).destroyed).toEqual(['mini-v0', SERVICE]);
      const [appDestroy] = await destroysIn(applicationStream('mini-v0'));
      expect(appDestroy).toMatchObject({
        type: 'ApplicationDestroyRequested',
        actor: 'system',
        data: { appId: 'mini-v0', at: clock.at },
      });
      const [serviceDestroy] = await destroysIn(localServiceStream(SERVICE));
      expect(serviceDestroy).toMatchObject({
        type: 'LocalServiceOperationRequested',
        actor: 'system',
        data: { operation: 'DESTROY', state: 'DESTROY_REQUESTED' },
      });
      expect(await destroysIn(applicationStream('mini-v1'))).toEqual([]);
      expect(view.view.application('mini-v0')?.state).toBe('DESTROY_REQUESTED');
      // asked once: the next check finds it no longer suspended
      expect((await job().run()).destroyed).toEqual([]);
    });

    it('leaves a running app and an ACTIVE service, however old', async () => {
      await service({ type: 'RequestLocalServiceOperation', operation: 'ACTIVATE', at: T0 });
      await service({ type: 'CompleteLocalServiceOperation', outcome: 'SUCCEEDED', at: T0 });
      clock.at = T0 + 30 * DAY;
      expect((await job().run()).destroyed).toEqual(['mini-v0']);
      expect(await destroysIn(localServiceStream(SERVICE))).toEqual([]);
      expect(await destroysIn(applicationStream('mini-v1'))).toEqual([]);
    });

    it('follows staleAppAge and staleServiceAge', async () => {
      clock.at = T0 + 2 * DAY;
      expect((await job({ staleAppAge: '2 days' }).run()).destroyed).toEqual([]);
      expect((await job({ staleAppAge: '1 day', staleServiceAge: '47 hours' }).run()).destroyed).toEqual([
        'mini-v0',
        SERVICE,
      ]);
    });

    it('destroys nothing on a follower nor in the maintenance window, while pruning goes on', async () => {
      clock.at = T0 + 8 * DAY;
      await issue(clusterDecider, CLUSTER_STREAM, {
        type: 'SetMaintenanceMode',
        hostname: 'c',
        at: clock.at,
      });
      expect(await job().run()).toEqual({ destroyed: [], pruned: 20 });
      await issue(clusterDecider, CLUSTER_STREAM, {
        type: 'UnsetMaintenanceMode',
        hostname: 'c',
        at: clock.at,
      });
      clock.at += 40_000;
      fence.depose();
      expect(await job().run()).toEqual({ destroyed: [], pruned: 0 });
      fence.lead(FENCE_PATH);
      expect((await job().run()).destroyed).toEqual(['mini-v0', SERVICE]);
    });
  });
});
