import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { FastifyInstance } from 'fastify';
import { createAdminServer } from '../admin/admin-server';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { ControllerMetrics } from './controller-metrics';
import { Exposition, parsePrometheusText, sampleValue } from './prometheus-text';

const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';
const OPERATIONS = '/apis/v1/applications/operations';

describe('controller /metrics on the admin port', () => {
  let ctl: TestController;
  let admin: FastifyInstance;

  beforeEach(async () => {
    const executor = new FakeExecutor();
    ctl = await startTestController(NOW, undefined, executor, true, 300);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    const joined = await ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
    expect(joined.code).toBe(200);
    const metrics = ctl.app.get(ControllerMetrics);
    metrics.collectNodeMetrics();
    admin = createAdminServer({}, metrics.registry);
  });

  afterEach(async () => {
    await admin.close();
    await ctl.app.close();
  });

  const scrape = async (): Promise<Exposition> => {
    const res = await admin.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    return parsePrometheusText(res.body);
  };
  const operate = async (body: Record<string, unknown>) =>
    expect((await ctl.post(OPERATIONS, { opSpec: opSpecJson(), ...body })).code).toBe(200);
  const healthy = async (count: number) =>
    waitUntil(`${count} HEALTHY`, async () => {
      const data = (await ctl.get(`/apis/v1/applications/${APP_ID}`)).body.data as
        { state: string; healthyInstances: number } | undefined;
      return data?.state === 'RUNNING' && data.healthyInstances === count;
    });

  it('serves valid Prometheus text: drove_ names, node defaults, leadership and executors', async () => {
    const text = await scrape();
    expect([...text.types.keys()].every((name) => name.startsWith('drove_'))).toBe(true);
    expect(text.types.get('drove_process_cpu_user_seconds_total')).toBe('counter');
    for (const [name, type] of text.types) if (type === 'counter') expect(name).toMatch(/_total$/);
    expect(sampleValue(text, 'drove_controller_leader')).toBe(1);
    expect(sampleValue(text, 'drove_controller_executors', { state: 'ACTIVE' })).toBe(1);
    expect(sampleValue(text, 'drove_controller_applications', { state: 'RUNNING' })).toBe(0);
    const recorded = { type: 'RecordExecutorSnapshot', result: 'accepted' };
    await waitUntil('executor recorded', async () => {
      const later = await scrape();
      return later.samples.some(
        (s) => s.name === 'drove_controller_commands_total' && s.labels.type === recorded.type,
      );
    });
    expect(sampleValue(await scrape(), 'drove_controller_commands_total', recorded)).toBeGreaterThan(0);
  });

  it('follows the cluster when an app is created and scaled', async () => {
    const before = await scrape();
    await operate({ type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1 });
    await healthy(1);
    await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 3 });
    await healthy(3);
    const after = await scrape();
    expect(sampleValue(after, 'drove_controller_applications', { state: 'RUNNING' })).toBe(1);
    expect(sampleValue(after, 'drove_controller_instances', { state: 'HEALTHY' })).toBe(3);
    expect(sampleValue(after, 'drove_controller_operations_in_flight', { type: 'SCALE_INSTANCES' })).toBe(0);
    expect(
      sampleValue(after, 'drove_controller_commands_total', { type: 'ScaleApplication', result: 'accepted' }),
    ).toBe(1);
    expect(
      sampleValue(after, 'drove_controller_placement_duration_seconds_count', { result: 'placed' }),
    ).toBe(3);
    const appended = (e: Exposition) => sampleValue(e, 'drove_controller_events_appended_total');
    expect(appended(after)).toBeGreaterThan(appended(before));
    expect(sampleValue(after, 'drove_controller_event_append_duration_seconds_count')).toBeGreaterThan(
      sampleValue(before, 'drove_controller_event_append_duration_seconds_count'),
    );
  });
});
