import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { StoredEvent } from '@drove/events';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { basicAuthSettings, CALLERS } from '../testing/test-users';
import { waitUntil } from '../testing/wait-until';
import { startWholeController, WholeController } from '../testing/whole-controller';

describe('the actor of each write', () => {
  let ctl: WholeController;
  let events: StoredEvent[];

  beforeAll(async () => {
    const executor = new FakeExecutor();
    ctl = await startWholeController({ auth: basicAuthSettings(), messenger: executor });
    executor.report = (url, payload) =>
      ctl.app.inject({ method: 'POST', url, payload: payload as object, headers: EXECUTOR_HEADERS });
    await executor.report('/apis/v1/messages', executor.snapshotMessage(1));
    const create = {
      type: 'CREATE',
      spec: { ...minimalApplicationSpecJson(), name: 'web' },
      instances: 1,
      opSpec: opSpecJson(),
    };
    const res = await ctl.app.inject({
      method: 'POST',
      url: '/apis/v1/applications/operations',
      payload: create,
      headers: CALLERS.readWrite,
    });
    expect(res.statusCode).toBe(200);
    await waitUntil('an instance HEALTHY', () => Promise.resolve(executor.all()[0]?.state === 'HEALTHY'));
    await waitUntil('web-1 RUNNING', async () => {
      const app = await ctl.app.inject({
        method: 'GET',
        url: '/apis/v1/applications/web-1',
        headers: CALLERS.root,
      });
      return app.json<{ data?: { state: string } }>().data?.state === 'RUNNING';
    });
    events = await ctl.store.readAll(1, 10_000);
  });
  afterAll(() => ctl.app.close());

  it.each([
    ['ApplicationCreated', 'rw'],
    ['ApplicationScalingRequested', 'rw'],
    ['InstanceStartRequested', 'system'],
    ['ApplicationOperationCompleted', 'system'],
    ['InstanceStateChanged', 'executor:exec-1'],
  ])('records %s by %s', (type, actor) => {
    const of = events.filter((e) => e.type === type);
    expect(of.length).toBeGreaterThan(0);
    expect([...new Set(of.map((e) => e.actor))]).toEqual([actor]);
  });

  it("finds the saga's events by actor=system", async () => {
    const res = await ctl.app.inject({
      method: 'GET',
      url: '/apis/v2/audit/events?actor=system',
      headers: CALLERS.root,
    });
    const found = res.json<{ data: { events: StoredEvent[] } }>().data.events;
    expect(new Set(found.map((e) => e.actor))).toEqual(new Set(['system']));
    expect(found.map((e) => e.type)).toEqual(
      expect.arrayContaining(['InstanceStartRequested', 'ApplicationOperationCompleted']),
    );
  });
});
