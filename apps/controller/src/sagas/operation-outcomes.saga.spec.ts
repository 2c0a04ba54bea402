import { applicationStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';
const OPERATIONS = '/apis/v1/applications/operations';
const HOUR_MS = 3_600_000;
const REPLACE_ALL = () => ({ type: 'REPLACE_INSTANCES', instanceIds: [] });

interface Instance {
  instanceId: string;
  state: string;
}

/** The recorded outcome of STOP_INSTANCES and REPLACE_INSTANCES when their per-instance jobs fail. */
describe('operation outcomes with an in-process executor', () => {
  let ctl: TestController;
  let executor: FakeExecutor;

  beforeEach(async () => {
    executor = new FakeExecutor();
    // the monitor is kept out of the way: a RECOVER after a failed operation would blur what it left behind
    ctl = await startTestController(NOW, undefined, executor, true, 600_000);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    await ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
  });

  afterEach(() => ctl.app.close());

  const operate = async (body: Record<string, unknown>) =>
    expect((await ctl.post(OPERATIONS, { opSpec: opSpecJson(), ...body })).code).toBe(200);
  const healthy = async () =>
    ((await ctl.get(`/apis/v1/applications/${APP_ID}/instances`)).body.data as Instance[])
      .filter((i) => i.state === 'HEALTHY')
      .map((i) => i.instanceId)
      .sort();
  const completions = async () =>
    (await ctl.store.readStream(applicationStream(APP_ID)))
      .filter((e) => e.type === 'ApplicationOperationCompleted')
      .map((e) => e.data as { operation: string; outcome: string; state: string; error?: string });
  /** Runs an operation on a RUNNING app of `count` instances and waits until it completes; `tick` moves time. */
  const completedAfter = async (
    count: number,
    body: (before: string[]) => Record<string, unknown>,
    arrange: () => void,
    tick = 0,
  ) => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: count });
    await waitUntil('app running', async () => (await completions()).length === 1, 10_000);
    const before = await healthy();
    arrange();
    await operate({ appId: APP_ID, ...body(before) });
    await waitUntil(
      'operation completed',
      async () => {
        ctl.clock.at += tick;
        return (await completions()).length === 2;
      },
      15_000,
    );
    return { before, completion: (await completions())[1] };
  };
  const sent = (type: string) => executor.received.filter((m) => m.type === type).length;

  it('REPLACE whose new instance fails to start is FAILED and keeps the old one', async () => {
    const { before, completion } = await completedAfter(1, REPLACE_ALL, () => (executor.failStarts = true));
    expect(completion).toMatchObject({ operation: 'REPLACE_INSTANCES', outcome: 'FAILED', state: 'RUNNING' });
    expect(completion.error).toMatch(
      new RegExp(
        `^1 of 1 instance\\(s\\) not replaced: ${before[0]} kept, its replacement failed: .*Requested CPUs are not available$`,
      ),
    );
    expect(await healthy()).toEqual(before);
    expect(sent('STOP_INSTANCE')).toBe(0);
  });

  it('REPLACE whose new instance never becomes healthy is FAILED once its start times out', async () => {
    const { before, completion } = await completedAfter(
      1,
      REPLACE_ALL,
      () => (executor.stallStarts = true),
      HOUR_MS,
    );
    expect(completion).toMatchObject({ outcome: 'FAILED', state: 'RUNNING' });
    expect(completion.error).toContain('Instance did not become healthy in time');
    expect(await healthy()).toEqual(before);
    expect(sent('STOP_INSTANCE')).toBe(0);
  });

  it('REPLACE with no free core for the new instance is FAILED at once, naming the placement failure', async () => {
    const { before, completion } = await completedAfter(
      8,
      (ids) => ({ type: 'REPLACE_INSTANCES', instanceIds: [ids[0]] }),
      () => undefined,
    );
    expect(completion).toMatchObject({ outcome: 'FAILED', state: 'RUNNING' });
    expect(completion.error).toMatch(
      new RegExp(
        `^1 of 1 instance\\(s\\) not replaced: ${before[0]} kept, its replacement failed: No placement: `,
      ),
    );
    expect(sent('START_INSTANCE')).toBe(8);
    expect(await healthy()).toEqual(before);
  });

  it('with failureStrategy STOP no pair begins after a failed one', async () => {
    const { before, completion } = await completedAfter(2, REPLACE_ALL, () => (executor.failStarts = true));
    expect(completion.outcome).toBe('FAILED');
    expect(completion.error).toMatch(
      /^1 of 2 instance\(s\) not replaced: .*; 1 not attempted after the failure$/,
    );
    expect(sent('START_INSTANCE')).toBe(2 + 3);
    expect(await healthy()).toEqual(before);
  });

  it('REPLACE with stopFirst whose new instance fails is FAILED: the old one was stopped as asked', async () => {
    const { before, completion } = await completedAfter(
      1,
      () => ({ ...REPLACE_ALL(), stopFirst: true }),
      () => (executor.failStarts = true),
    );
    expect(completion).toMatchObject({ outcome: 'FAILED', state: 'MONITORING' });
    expect(completion.error).toContain(`${before[0]} stopped, its replacement failed`);
    expect(await healthy()).toEqual([]);
  });

  it('STOP_INSTANCES whose stop the executor refuses is FAILED; the instance still runs and stays expected', async () => {
    const { before, completion } = await completedAfter(
      1,
      (ids) => ({ type: 'STOP_INSTANCES', instanceIds: ids, skipRespawn: true }),
      () => (executor.stopAnswer = { status: 'FAILED', error: 'busy' }),
    );
    expect(completion).toMatchObject({ operation: 'STOP_INSTANCES', outcome: 'FAILED', state: 'RUNNING' });
    expect(completion.error).toBe(
      `1 of 1 instance(s) not stopped: ${before[0]}: stop not accepted by the executor: busy`,
    );
    expect(await healthy()).toEqual(before);
    const summary = (await ctl.get(`/apis/v1/applications/${APP_ID}`)).body.data as {
      requiredInstances: number;
    };
    expect(summary.requiredInstances).toBe(1);
  });

  it('a REPLACE whose pairs all work is SUCCEEDED with no error', async () => {
    const { before, completion } = await completedAfter(1, REPLACE_ALL, () => {});
    expect(completion).toEqual(expect.objectContaining({ outcome: 'SUCCEEDED', state: 'RUNNING' }));
    expect(completion.error).toBeUndefined();
    expect(await healthy()).not.toEqual(before);
  });
});
