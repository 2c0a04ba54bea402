import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ExecutorRegistry } from '../executors/executor-registry';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = 1_700_000_000_000;
const OPERATIONS = '/apis/v1/applications/operations';
// a pass is 3 attempts 1 s apart; then 200 ms, then 10 s
const BACKOFF = { initialMs: 200, multiplier: 50, maxMs: 60_000 };

describe('the operations saga backs off while starts keep failing', () => {
  let ctl: TestController;
  let executor: FakeExecutor;

  beforeEach(async () => {
    executor = new FakeExecutor();
    executor.startAnswer = { status: 'FAILED', error: 'executor said no' };
    ctl = await startTestController(NOW, undefined, executor, true, 60_000, undefined, BACKOFF);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    const joined = await ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
    expect(joined.code).toBe(200);
  });

  afterEach(() => ctl.app.close());

  const starts = () => executor.received.filter((m) => m.type === 'START_INSTANCE').length;
  const operate = (body: Record<string, unknown>) => ctl.post(OPERATIONS, { opSpec: opSpecJson(), ...body });

  it('backs off a pass that fails outright too (a placement rule that does not compile)', async () => {
    const opened = jest.spyOn(ctl.app.get(ExecutorRegistry).scheduler, 'openSession');
    const placementPolicy = { type: 'RULE_BASED', ruleType: 'HOPE', rule: '"$.a" == ' };
    await operate({
      type: 'CREATE',
      spec: { ...minimalApplicationSpecJson(), placementPolicy },
      instances: 1,
    });
    await waitUntil('two failed passes', async () => opened.mock.calls.length >= 2, 5000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(opened).toHaveBeenCalledTimes(2);
    expect(starts()).toBe(0);
  });

  it('waits longer after each failed pass, and not at all for a new operation', async () => {
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await waitUntil('two failed passes', async () => starts() >= 6, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(starts()).toBe(6);

    expect((await operate({ type: 'SCALE', appId: 'mini-1', requiredInstances: 0 })).code).toBe(200);
    await waitUntil(
      'the scale to 0 done',
      async () =>
        ((await ctl.get('/apis/v1/applications/mini-1')).body.data as { state?: string }).state ===
        'MONITORING',
      5000,
    );
    expect(starts()).toBe(6);
  });
});
