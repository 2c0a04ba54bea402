import {
  LocalServiceInstanceInfoJson,
  instanceDecider,
  instanceStream,
  localServiceDecider,
  localServiceStream,
} from '@drove/domain';
import { localServiceSpecJson } from '@drove/domain/testing/spec-fixtures';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { EXECUTOR_HEADERS } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;
const SERVICE_ID = 'test-service-1';
const OPERATIONS = '/apis/v1/localservices/operations';
const BASE = `/apis/v1/localservices/${SERVICE_ID}`;

/** The fixture without devices, which the default controller options refuse. */
const serviceSpec = () => {
  const { devices: _devices, ...spec } = localServiceSpecJson();
  return spec;
};
const createOp = (spec: unknown = serviceSpec()) => ({ type: 'CREATE', spec, instancesPerHost: 2 });
const serviceOp = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  serviceId: SERVICE_ID,
  ...extra,
});
const ok = (data?: unknown) => ({
  code: 200,
  body: { status: 'SUCCESS', ...(data === undefined ? {} : { data }), message: 'success' },
});
const refused = (errors: string[], message = 'Command validation failure') => ({
  code: 400,
  body: { status: 'FAILED', data: { validationErrors: errors }, message },
});

const instanceInfo = (instanceId: string, state: LocalServiceInstanceInfoJson['state'], updated: number) => ({
  serviceId: SERVICE_ID,
  serviceName: 'test-service',
  instanceId,
  executorId: 'exec-1-id',
  resources: [],
  state,
  metadata: {},
  errorMessage: '',
  created: NOW,
  updated,
});

describe('local services API on an in-memory log', () => {
  let ctl: TestController;

  beforeEach(async () => {
    // no saga: the tests play its part
    ctl = await startTestController(NOW, undefined, undefined, false);
  });

  afterEach(() => ctl.app.close());

  const operate = (body: unknown) => ctl.post(OPERATIONS, body);
  const summary = async () => (await ctl.get(BASE)).body.data as Record<string, unknown>;
  const execute = <C>(stream: string, decider: unknown, command: C) =>
    ctl.app
      .get(CommandPipeline)
      .execute(decider as typeof localServiceDecider, stream, command as never, { actor: 'system' });
  const expectNothingStored = async (call: () => Promise<unknown>, expected: unknown) => {
    const before = await ctl.store.headPosition();
    expect(await call()).toEqual(expected);
    expect(await ctl.store.headPosition()).toBe(before);
  };

  it('creates a service INACTIVE, lists it with its summary and masked spec, and counts it in the cluster', async () => {
    expect(await operate(createOp())).toEqual(ok({ serviceId: SERVICE_ID }));
    const expected = {
      id: SERVICE_ID,
      name: 'test-service',
      instancesPerHost: 2,
      healthyInstances: 0,
      totalCPUs: 0,
      totalMemory: 0,
      tags: { owner: 'team-a' },
      activationState: 'INACTIVE',
      state: 'INACTIVE',
      created: NOW,
      updated: NOW,
    };
    expect(await ctl.get('/apis/v1/localservices')).toEqual(ok({ [SERVICE_ID]: expected }));
    expect(await summary()).toEqual(expected);
    const spec = (await ctl.get(`${BASE}/spec`)).body.data as { configs: { data: string }[] };
    expect(spec.configs[0].data).not.toBe(localServiceSpecJson().configs[0].data);
    expect((await ctl.store.readStream(localServiceStream(SERVICE_ID)))[0]).toMatchObject({
      type: 'LocalServiceCreated',
      actor: 'default-user',
    });
    const cluster = (await ctl.get('/apis/v1/cluster')).body.data;
    expect(cluster).toMatchObject({ numLocalServices: 1, numActiveLocalServices: 0 });
  });

  it.each([
    ['an unknown service', `/apis/v1/localservices/nope-1`, 'Local service nope-1 not found'],
    [
      'the spec of an unknown service',
      `/apis/v1/localservices/nope-1/spec`,
      'Local service nope-1 not found',
    ],
    [
      'an unknown instance',
      `/apis/v1/localservices/nope-1/instances/SI-1`,
      'No such local service instance nope-1/SI-1',
    ],
  ])('answers 200 FAILED for %s', async (_what, url, message) => {
    expect(await ctl.get(url)).toEqual({ code: 200, body: { status: 'FAILED', message } });
  });

  it('refuses an invalid spec, an unknown type, an existing service and operations not allowed in the state', async () => {
    const noLocal = { ...serviceSpec(), placementPolicy: { type: 'ANY' } };
    const localRequired = ['Only local placement is allowed for local services'];
    await expectNothingStored(() => operate(createOp(noLocal)), refused(localRequired));
    await expectNothingStored(
      () => ctl.post('/apis/v1/localservices/validate/spec', noLocal),
      refused(localRequired),
    );
    expect(await ctl.post('/apis/v1/localservices/validate/spec', serviceSpec())).toEqual(
      ok({ valid: true }),
    );
    const unknownType = await operate(serviceOp('SCALE'));
    expect(unknownType.code).toBe(400);
    expect(unknownType.body.message).toBe('JSON validation failure');
    await expectNothingStored(
      () => operate(serviceOp('ACTIVATE')),
      refused([`No state found for local service: ${SERVICE_ID}`]),
    );
    await operate(createOp());
    await expectNothingStored(
      () => operate(createOp()),
      refused([`Local service ${SERVICE_ID} already exists`]),
    );
    await expectNothingStored(
      () => operate(serviceOp('DEACTIVATE')),
      refused([
        `Only [ACTIVATE, ADJUST_INSTANCES, DEPLOY_TEST_INSTANCE, DESTROY, UPDATE_INSTANCE_COUNT] allowed for local service ${SERVICE_ID} as it is in INACTIVE state`,
      ]),
    );
  });

  it('records ACTIVATE (and STOP as DEACTIVATE), cancels once, and refuses while an operation runs', async () => {
    await operate(createOp());
    expect(await operate(serviceOp('ACTIVATE'))).toEqual(ok({ serviceId: SERVICE_ID }));
    expect(await summary()).toMatchObject({ state: 'ACTIVATION_REQUESTED', activationState: 'INACTIVE' });
    await expectNothingStored(
      () => operate(serviceOp('DESTROY')),
      refused([`No operations allowed for ${SERVICE_ID} as it is in ACTIVATION_REQUESTED state`]),
    );
    const cancel = `${OPERATIONS}/${SERVICE_ID}/cancel`;
    expect(await ctl.post(cancel)).toEqual(ok());
    const notAgain = {
      code: 400,
      body: { status: 'FAILED', message: 'Current operation could not be cancelled' },
    };
    expect(await ctl.post(cancel)).toEqual(notAgain);
    await execute(localServiceStream(SERVICE_ID), localServiceDecider, {
      type: 'CompleteLocalServiceOperation',
      serviceId: SERVICE_ID,
      outcome: 'SUCCEEDED',
      at: NOW,
    });
    expect(await summary()).toMatchObject({ state: 'ACTIVE', activationState: 'ACTIVE' });
    expect((await ctl.get('/apis/v1/cluster')).body.data).toMatchObject({ numActiveLocalServices: 1 });
    const reserved = '/apis/v1/internal/cluster/resources/reserved';
    expect(await ctl.get(reserved, EXECUTOR_HEADERS)).toEqual(
      ok({ cpus: 2, memory: 256, requiredInstances: { [SERVICE_ID]: 2 } }),
    );
    expect((await ctl.get(reserved)).code).toBe(403);
    expect(await operate(serviceOp('STOP'))).toEqual(ok({ serviceId: SERVICE_ID }));
    expect(await summary()).toMatchObject({ state: 'DEACTIVATION_REQUESTED' });
  });

  it('lists reported instances by state, the old ones apart, and counts them in the summary', async () => {
    await operate(createOp());
    const record = (id: string, state: LocalServiceInstanceInfoJson['state'], updated: number) =>
      execute(instanceStream(id), instanceDecider, {
        type: 'RecordInstanceState',
        info: instanceInfo(id, state, updated),
        at: NOW,
      });
    await record('SI-1', 'HEALTHY', NOW + 1);
    await record('SI-2', 'HEALTHY', NOW + 1);
    await record('SI-2', 'STOPPED', NOW + 2);
    await record('SI-3', 'STARTING', NOW + 1);
    const ids = async (path: string) =>
      ((await ctl.get(`${BASE}/${path}`)).body.data as { instanceId: string }[]).map((i) => i.instanceId);
    expect(await ids('instances')).toEqual(['SI-1', 'SI-3']);
    expect(await ids('instances?state=HEALTHY')).toEqual(['SI-1']);
    expect(await ids('instances?state=STOPPED')).toEqual([]);
    expect(await ids('instances/old')).toEqual(['SI-2']);
    expect((await ctl.get(`${BASE}/instances/SI-2`)).body.data).toMatchObject({ state: 'STOPPED' });
    expect(await summary()).toMatchObject({ healthyInstances: 1, totalCPUs: 2, totalMemory: 256 });
    // an app with the same id does not see the service's instances
    expect((await ctl.get(`/apis/v1/applications/${SERVICE_ID}/instances`)).body).toMatchObject({
      status: 'SUCCESS',
      data: [],
    });
  });

  it("refuses Drove's instance and host-level checks", async () => {
    await operate(createOp({ ...serviceSpec(), placementPolicy: { type: 'LOCAL', hostLevel: true } }));
    await expectNothingStored(
      () => operate(serviceOp('UPDATE_INSTANCE_COUNT', { instancesPerHost: 3 })),
      refused(['Update is allowed for services that do not have Host Level option set']),
    );
    await operate(serviceOp('ACTIVATE'));
    await execute(localServiceStream(SERVICE_ID), localServiceDecider, {
      type: 'CompleteLocalServiceOperation',
      serviceId: SERVICE_ID,
      outcome: 'SUCCEEDED',
      at: NOW,
    });
    await execute(instanceStream('SI-1'), instanceDecider, {
      type: 'RecordInstanceState',
      info: instanceInfo('SI-1', 'HEALTHY', NOW + 1),
      at: NOW,
    });
    await expectNothingStored(
      () => operate(serviceOp('REPLACE_INSTANCES', { instanceIds: ['SI-1', 'SI-2', 'SI-3'] })),
      refused(['There are no replaceable healthy instances with ids: [SI-2, SI-3]']),
    );
    await expectNothingStored(
      () => operate(serviceOp('STOP_INSTANCES', { instanceIds: ['SI-9'] })),
      refused(['There are no healthy instances with ids: [SI-9]']),
    );
    expect(await operate(serviceOp('STOP_INSTANCES', { instanceIds: ['SI-1'] }))).toEqual(
      ok({ serviceId: SERVICE_ID }),
    );
  });

  it('refuses operations in the maintenance window', async () => {
    await operate(createOp());
    await ctl.post('/apis/v1/cluster/maintenance/set');
    await expectNothingStored(
      () => operate(serviceOp('ACTIVATE')),
      refused(['Cluster is in maintenance mode']),
    );
  });
});
