import { executorDecider, executorStream } from '@drove/domain';
import { opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ApplicationMonitor } from '../sagas/application-monitor';
import { FakeExecutor } from '../testing/fake-executor';
import {
  AppOnExecutorOne,
  InstanceRow,
  MINI_APP_ID,
  TwoFakeExecutors,
  appOnExecutorOne,
} from '../testing/two-fake-executors';
import { TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = 1_700_000_000_000;
const APP_ID = MINI_APP_ID;
const NEXT_FENCE_PATH = '/drove/leader/c-0000000009';
const EXECUTORS = '/apis/v1/cluster/executors';

describe('instances moved off an executor (blacklisted or lost) with two in-process executors', () => {
  let ctl: TestController;
  let executors: TwoFakeExecutors;
  let snapshot: AppOnExecutorOne['snapshot'];
  let healthy: AppOnExecutorOne['healthy'];
  const eventsOf = async (stream: string) => (await ctl.store.readStream(stream)).map((e) => e.type);
  const sentTo = (executor: FakeExecutor) =>
    executor.received.map((m) => m.type).filter((t) => t !== 'START_INSTANCE' && t !== 'STOP_INSTANCE');

  beforeEach(async () => {
    ({ ctl, executors, snapshot, healthy } = await appOnExecutorOne(NOW, 60_000));
    await snapshot(executors.two);
  });

  afterEach(() => ctl.app.close());

  it('moves the instances to the other executor, then blacklists; unblacklist sends UNBLACKLIST', async () => {
    const before = (await healthy()).map((i) => i.instanceId);
    expect((await healthy()).every((i) => i.executorId === 'exec-1-id')).toBe(true);

    const answer = await ctl.post(`${EXECUTORS}/exec-1-id/blacklist`);
    expect(answer).toEqual({
      code: 200,
      body: {
        status: 'SUCCESS',
        message: 'success',
        data: {
          successful: ['exec-1-id'],
          failed: [],
          approxCompletionTimeMs: 600_000,
          message: 'Blacklisting successful and app movement scheduled',
        },
      },
    });

    await waitUntil(
      'exec-1 blacklisted',
      async () => (await eventsOf('executor-exec-1-id')).includes('ExecutorBlacklisted'),
      15_000,
    );
    const after = await healthy();
    expect(after).toHaveLength(2);
    expect(after.every((i) => i.executorId === 'exec-2-id' && !before.includes(i.instanceId))).toBe(true);
    expect(sentTo(executors.one)).toEqual(['BLACKLIST_REQUESTED', 'BLACKLIST']);
    expect(sentTo(executors.two)).toEqual([]);
    expect(executors.one.received.filter((m) => m.type === 'STOP_INSTANCE')).toHaveLength(2);

    // restarted, it forgot: told again
    executors.one.executorState = 'ACTIVE';
    await snapshot(executors.one);
    await waitUntil('BLACKLIST again', async () => sentTo(executors.one).length === 3, 5_000);

    const unblacklisted = await ctl.post(`${EXECUTORS}/unblacklist?id=exec-1-id`);
    expect(unblacklisted.body.data).toEqual({
      successful: ['exec-1-id'],
      failed: [],
      approxCompletionTimeMs: 0,
      message: 'Unblacklisting successful for all executors',
    });
    expect(sentTo(executors.one)).toEqual(['BLACKLIST_REQUESTED', 'BLACKLIST', 'BLACKLIST', 'UNBLACKLIST']);
    // its cores count again: 14 more instances fit only on both executors
    const scale = { type: 'SCALE', appId: APP_ID, requiredInstances: 16, opSpec: opSpecJson() };
    expect((await ctl.post('/apis/v1/applications/operations', scale)).code).toBe(200);
    expect(await eventsOf('executor-exec-1-id')).toEqual([
      'ExecutorAdded',
      'ExecutorStateChanged',
      'ExecutorBlacklistRequested',
      'ExecutorStateChanged',
      'ExecutorBlacklisted',
      'ExecutorStateChanged',
      'ExecutorStateChanged',
      'ExecutorStateChanged',
      'ExecutorUnblacklisted',
    ]);
  });

  it('replaces the instances of an executor that vanishes on the other one', async () => {
    const before = (await healthy()).map((i) => i.instanceId);
    ctl.app.get(ExecutorRegistry).remove('exec-1-id', NOW);
    const lost = async () =>
      ((await ctl.get(`/apis/v1/applications/${APP_ID}/instances/old`)).body.data as InstanceRow[]).filter(
        (i) => i.state === 'LOST',
      );
    await waitUntil('both instances LOST', async () => (await lost()).length === 2, 10_000);
    // the monitor's round (every 30 s in this harness) finds 0 of 2 healthy and RECOVERs
    await ctl.app.get(ApplicationMonitor).check();
    await waitUntil(
      'two new instances HEALTHY on exec-2',
      async () => {
        const now = await healthy();
        return (
          now.length === 2 && now.every((i) => i.executorId === 'exec-2-id' && !before.includes(i.instanceId))
        );
      },
      15_000,
    );
    expect((await lost()).map((i) => i.instanceId).sort()).toEqual([...before].sort());
  });

  it('a new leader finishes a move its predecessor recorded, once maintenance is over', async () => {
    await ctl.post('/apis/v1/cluster/maintenance/set');
    await ctl.app
      .get(CommandPipeline)
      .execute(
        executorDecider,
        executorStream('exec-1-id'),
        { type: 'RequestExecutorBlacklist', executorId: 'exec-1-id', at: NOW },
        { actor: 'old-leader' },
      );
    ctl.fence.depose();
    ctl.store.grantFence(NEXT_FENCE_PATH);
    ctl.fence.lead(NEXT_FENCE_PATH);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // the request is told again (the executor reports ACTIVE), but nothing moves
    expect([...executors.one.received, ...executors.two.received].map((m) => m.type)).toEqual([
      'START_INSTANCE',
      'START_INSTANCE',
      'BLACKLIST_REQUESTED',
    ]);
    await ctl.post('/apis/v1/cluster/maintenance/unset');
    ctl.clock.at += 40_001;
    await waitUntil(
      'exec-1 blacklisted',
      async () => (await eventsOf('executor-exec-1-id')).includes('ExecutorBlacklisted'),
      15_000,
    );
    const after = await healthy();
    expect(after.map((i) => i.executorId)).toEqual(['exec-2-id', 'exec-2-id']);
    expect(sentTo(executors.one)).toEqual(['BLACKLIST_REQUESTED', 'BLACKLIST']);
  });

  it.each([
    ['an unknown executor', `${EXECUTORS}/nope/blacklist`, ['nope'], 'could not be sent'],
    [
      'one unknown of two (query form)',
      `${EXECUTORS}/unblacklist?id=nope&id=exec-2-id`,
      ['nope'],
      'for some',
    ],
  ])('reports %s as failed', async (_name, url, failed, text) => {
    const data = (await ctl.post(url)).body.data as { failed: string[]; message: string };
    expect(data.failed).toEqual(failed);
    expect(data.message).toContain(text);
  });

  it('refuses in the maintenance window, an empty id list, and a second request while one runs', async () => {
    expect((await ctl.post(`${EXECUTORS}/blacklist`)).code).toBe(400);

    let open = () => {};
    executors.gate = new Promise((resolve) => (open = resolve));
    const first = ctl.post(`${EXECUTORS}/exec-2-id/blacklist`);
    const second = await ctl.post(`${EXECUTORS}/blacklist?id=exec-1-id`);
    expect(second.body.data).toEqual({
      successful: [],
      failed: ['exec-1-id'],
      approxCompletionTimeMs: 0,
      message: 'A blacklisting related operation is underway already. Will not accept new requests',
    });
    open();
    expect(((await first).body.data as { successful: string[] }).successful).toEqual(['exec-2-id']);

    await ctl.post('/apis/v1/cluster/maintenance/set');
    expect((await ctl.post(`${EXECUTORS}/exec-1-id/blacklist`)).body).toEqual({
      status: 'FAILED',
      message: 'Cluster is in maintenance mode',
    });
    expect(sentTo(executors.one)).toEqual([]);
  });
});
