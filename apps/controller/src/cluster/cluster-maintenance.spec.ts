import { CLUSTER_STREAM, MAINTENANCE_GRACE_MS } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { startTestController, TestController, TEST_HOSTNAME } from '../testing/test-controller';

const NOW = 1_700_000_000_000;
const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 0, opSpec: opSpecJson() };
const inMaintenance = {
  code: 400,
  body: {
    status: 'FAILED',
    data: { validationErrors: ['Cluster is in maintenance mode'] },
    message: 'Command validation failure',
  },
};

describe('maintenance mode', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(NOW);
  });

  afterEach(() => ctl.app.close());

  const operate = () => ctl.post('/apis/v1/applications/operations', create);

  it('blocks operations while set and for the grace period after unset, then lets them through', async () => {
    expect(await ctl.post('/apis/v1/cluster/maintenance/set')).toEqual({
      code: 200,
      body: { status: 'SUCCESS', data: { state: 'MAINTENANCE', updated: NOW }, message: 'success' },
    });
    expect(await operate()).toEqual(inMaintenance);

    ctl.clock.at = NOW + 5000;
    expect((await ctl.post('/apis/v1/cluster/maintenance/unset')).body.data).toEqual({
      state: 'NORMAL',
      updated: NOW + 5000,
    });
    expect(await operate()).toEqual(inMaintenance);

    ctl.clock.at = NOW + 5000 + MAINTENANCE_GRACE_MS;
    expect((await operate()).code).toBe(200);
  });

  it('records who changed the mode from which controller, and setting it twice changes nothing', async () => {
    await ctl.post('/apis/v1/cluster/maintenance/set');
    ctl.clock.at = NOW + 1000;
    const again = await ctl.post('/apis/v1/cluster/maintenance/set');
    expect(again.body.data).toEqual({ state: 'MAINTENANCE', updated: NOW });
    const events = await ctl.store.readStream(CLUSTER_STREAM);
    expect(events.map((e) => [e.type, e.actor, (e.data as { hostname: string }).hostname])).toEqual([
      ['MaintenanceModeSet', 'default-user', TEST_HOSTNAME],
    ]);
  });
});
