import { ApplicationSpecJson, CLUSTER_STREAM, applicationDecider, applicationStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { NO_STREAM } from '@drove/events';
import { defaultAuthSettings } from '../auth/auth-settings';
import { UserConfig } from '../config/controller-config';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { ExecutorRegistry } from '../executors/executor-registry';
import { FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';
const OPERATIONS = '/apis/v1/applications/operations';

const specWith = (changes: Record<string, unknown>) => ({ ...minimalApplicationSpecJson(), ...changes });
const createOp = (instances = 0, spec: unknown = minimalApplicationSpecJson()) => ({
  type: 'CREATE',
  spec,
  instances,
  opSpec: opSpecJson(),
});
const appOp = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  appId: APP_ID,
  opSpec: opSpecJson(),
  ...extra,
});
const accepted = { status: 'SUCCESS', data: { appId: APP_ID }, message: 'success' };

describe('applications API on an in-memory log', () => {
  let ctl: TestController;

  beforeEach(async () => {
    // no saga: these tests play its part (completeOperation), so nothing completes an operation behind them
    ctl = await startTestController(NOW, undefined, undefined, false);
  });

  afterEach(() => ctl.app.close());

  const operate = (body: unknown) => ctl.post(OPERATIONS, body);
  const summaryOf = async (appId = APP_ID) => (await ctl.get(`/apis/v1/applications/${appId}`)).body.data;
  const expectRefused = async (body: unknown, message: string, errors: string[]) => {
    const before = await ctl.store.headPosition();
    expect(await operate(body)).toEqual({
      code: 400,
      body: { status: 'FAILED', data: { validationErrors: errors }, message },
    });
    expect(await ctl.store.headPosition()).toBe(before);
  };
  // What a saga would report once an operation is done; there is none yet, so the test plays its part.
  const completeOperation = (healthyInstances: number) =>
    ctl.app.get(CommandPipeline).execute(
      applicationDecider,
      applicationStream(APP_ID),
      {
        type: 'CompleteApplicationOperation',
        appId: APP_ID,
        outcome: 'SUCCEEDED',
        healthyInstances,
        at: NOW,
      },
      { actor: 'system' },
    );

  it('creates an app, lists it and shows its summary, masked spec and (empty) instances', async () => {
    expect(await operate(createOp(2))).toEqual({ code: 200, body: accepted });
    const summary = {
      id: APP_ID,
      name: 'mini',
      requiredInstances: 2,
      healthyInstances: 0,
      totalCPUs: 2,
      totalMemory: 128,
      tags: {},
      state: 'SCALING_REQUESTED',
      created: NOW,
      updated: NOW,
    };
    expect(await ctl.get('/apis/v1/applications')).toEqual({
      code: 200,
      body: { status: 'SUCCESS', data: { [APP_ID]: summary }, message: 'success' },
    });
    expect(await summaryOf()).toEqual(summary);
    expect((await ctl.store.readStream(applicationStream(APP_ID)))[0].actor).toBe('default-user');
    const spec = (await ctl.get(`/apis/v1/applications/${APP_ID}/spec`)).body.data;
    expect(spec).toEqual(minimalApplicationSpecJson());
    for (const path of ['instances', 'instances/old']) {
      expect((await ctl.get(`/apis/v1/applications/${APP_ID}/${path}`)).body).toEqual({
        status: 'SUCCESS',
        data: [],
        message: 'success',
      });
    }
  });

  it('reads a CREATE without instances, as drove-cli sends it, as 0 instances', async () => {
    const { spec, opSpec } = createOp();
    expect(await operate({ type: 'CREATE', spec, opSpec })).toEqual({ code: 200, body: accepted });
    expect(await summaryOf()).toMatchObject({ state: 'MONITORING', requiredInstances: 0, totalCPUs: 0 });
  });

  it('stores the spec as sent and serves it masked', async () => {
    const configs = [{ type: 'INLINE', localFilename: '/etc/app.conf', data: 'c2VjcmV0' }];
    await operate(createOp(0, specWith({ configs })));
    const stored = (await ctl.store.readStream(applicationStream(APP_ID)))[0].data as {
      spec: ApplicationSpecJson;
    };
    expect(stored.spec.configs).toEqual(configs);
    const served = (await ctl.get(`/apis/v1/applications/${APP_ID}/spec`)).body.data as ApplicationSpecJson;
    expect(served.configs).toEqual([{ ...configs[0], data: '' }]);
  });

  it('answers unknown apps and instances with 200 FAILED', async () => {
    for (const path of [APP_ID, `${APP_ID}/spec`]) {
      expect(await ctl.get(`/apis/v1/applications/${path}`)).toEqual({
        code: 200,
        body: { status: 'FAILED', message: `App ${APP_ID} not found` },
      });
    }
    expect((await ctl.get(`/apis/v1/applications/${APP_ID}/instances/AI-1`)).body).toEqual({
      status: 'FAILED',
      message: `No such application instance ${APP_ID}/AI-1`,
    });
  });

  it.each([
    ['a missing name', specWith({ name: undefined }), ['spec.name - Application name is mandatory']],
    [
      'no CPU requirement',
      specWith({ resources: [{ type: 'MEMORY', sizeInMB: 128 }] }),
      ['Cpu requirements are mandatory'],
    ],
  ])('refuses a CREATE with %s: 400, nothing stored', async (_what, spec, errors) => {
    await expectRefused(createOp(1, spec), 'Command validation failure', errors);
  });

  it('validates a spec without storing anything', async () => {
    const validate = (spec: unknown) => ctl.post('/apis/v1/applications/validate/spec', spec);
    expect(await validate(minimalApplicationSpecJson())).toEqual({
      code: 200,
      body: { status: 'SUCCESS', data: { valid: true }, message: 'success' },
    });
    expect(await validate(specWith({ resources: [{ type: 'CPU', count: 1 }] }))).toEqual({
      code: 400,
      body: {
        status: 'FAILED',
        data: { validationErrors: ['Memory requirements are mandatory'] },
        message: 'Command validation failure',
      },
    });
    expect((await validate(specWith({ name: '' }))).body).toMatchObject({
      message: 'Command validation failure',
    });
    expect(await ctl.store.headPosition()).toBe(0);
  });

  it('refuses an unknown operation type as Drove Jackson would', async () => {
    const res = await operate({ type: 'EXPLODE', appId: APP_ID });
    expect(res.code).toBe(400);
    expect(res.body).toMatchObject({ status: 'FAILED', message: 'JSON validation failure' });
    expect(await ctl.store.headPosition()).toBe(0);
  });

  it('refuses operations on an unknown app and a second CREATE, with Drove texts', async () => {
    await expectRefused(appOp('SCALE', { requiredInstances: 1 }), 'Command validation failure', [
      `No state found for app: ${APP_ID}`,
    ]);
    await operate(createOp(0));
    await expectRefused(createOp(0), 'Command validation failure', [`App ${APP_ID} already exists`]);
  });

  // 8 cores and 8 GB on one NUMA node
  const withExecutor = () => ctl.app.get(ExecutorRegistry).update(new FakeExecutor().nodeData());

  it('scales (SCALE and SCALE_INSTANCES, also on the deprecated path), suspends and destroys', async () => {
    withExecutor();
    await operate(createOp(0));
    expect((await operate(appOp('SCALE', { requiredInstances: 3 }))).code).toBe(200);
    const rescale = await ctl.post('/apis/v1/operations', appOp('SCALE_INSTANCES', { requiredInstances: 4 }));
    expect(rescale).toEqual({ code: 200, body: accepted });
    expect(await summaryOf()).toMatchObject({ state: 'SCALING_REQUESTED', requiredInstances: 4 });

    await completeOperation(4);
    expect((await operate(appOp('SUSPEND'))).code).toBe(200);
    expect(await summaryOf()).toMatchObject({ state: 'SCALING_REQUESTED', requiredInstances: 0 });

    await completeOperation(0);
    expect((await operate(appOp('DESTROY'))).code).toBe(200);
    expect(await summaryOf()).toMatchObject({ state: 'DESTROY_REQUESTED' });
  });

  it.each([
    [
      'a SCALE past the free cores',
      appOp('SCALE', { requiredInstances: 9 }),
      64,
      'CPU. Required: 9 Available: 8',
    ],
    [
      'START_INSTANCES past them',
      appOp('START_INSTANCES', { instances: 9 }),
      64,
      'CPU. Required: 9 Available: 8',
    ],
    [
      'a SCALE past the free memory',
      appOp('SCALE', { requiredInstances: 2 }),
      4097,
      'Memory. Required: 8194 Available: 8192',
    ],
  ])('refuses %s with Drove admission text, storing nothing', async (_, op, sizeInMB, shortage) => {
    withExecutor();
    const resources = [
      { type: 'CPU', count: 1 },
      { type: 'MEMORY', sizeInMB },
    ];
    await operate(createOp(0, specWith({ resources })));
    await expectRefused(op, 'Command validation failure', [`Cluster does not have enough ${shortage}`]);
  });

  it('refuses a SCALE whose placement rule the scheduler cannot compile with its problem, not a 500', async () => {
    withExecutor();
    const placementPolicy = { type: 'RULE_BASED', ruleType: 'HOPE', rule: '"$.a" == ' };
    expect((await operate(createOp(0, specWith({ placementPolicy })))).code).toBe(200);
    const refused = await operate(appOp('SCALE', { requiredInstances: 1 }));
    expect(refused.code).toBe(400);
    expect((refused.body.data as { validationErrors: string[] }).validationErrors).toEqual([
      expect.stringContaining('Invalid HOPE placement rule'),
    ]);
  });

  it('checks resources only after the state, and only for instances beyond those already there', async () => {
    await expectRefused(appOp('SCALE', { requiredInstances: 1 }), 'Command validation failure', [
      `No state found for app: ${APP_ID}`,
    ]);
    await operate(createOp(0));
    await expectRefused(appOp('SCALE', { requiredInstances: 1 }), 'Command validation failure', [
      'No executors on cluster',
    ]);
    expect((await operate(appOp('SCALE', { requiredInstances: 0 }))).code).toBe(200);
  });

  it('refuses an operation the state does not allow', async () => {
    await operate(createOp(0));
    await expectRefused(appOp('SUSPEND'), 'Command validation failure', [
      `Only [DESTROY, RECOVER, SCALE_INSTANCES, START_INSTANCES] allowed for app ${APP_ID} as it is in MONITORING state`,
    ]);
  });

  it('cancels the running operation once (both paths), else answers Drove bare 400', async () => {
    const refused = {
      code: 400,
      body: { status: 'FAILED', message: 'Current operation could not be cancelled' },
    };
    expect(await ctl.post(`${OPERATIONS}/${APP_ID}/cancel`)).toEqual(refused);
    await operate(createOp(2));
    expect(await ctl.post(`/apis/v1/operations/${APP_ID}/cancel`)).toEqual({
      code: 200,
      body: { status: 'SUCCESS', message: 'success' },
    });
    expect(await ctl.post(`${OPERATIONS}/${APP_ID}/cancel`)).toEqual(refused);
    const types = (await ctl.store.readStream(applicationStream(APP_ID))).map((e) => e.type);
    expect(types.at(-1)).toBe('ApplicationOperationCancelRequested');
  });

  it('refuses as not leader when the fence is gone between the guard and the append', async () => {
    ctl.fence.depose();
    expect(await operate(createOp(0))).toEqual({
      code: 400,
      body: { status: 'FAILED', message: 'This node is not the leader controller' },
    });
    expect(await ctl.store.headPosition()).toBe(0);
  });

  it('pages the list with from and size, and refuses bad paging', async () => {
    await operate(createOp(0));
    await operate(createOp(0, specWith({ version: '2' })));
    const page = await ctl.get('/apis/v1/applications?from=1&size=1');
    expect(Object.keys(page.body.data as object)).toEqual(['mini-2']);
    expect((await ctl.get('/apis/v1/applications?from=-1')).code).toBe(400);
  });

  it('refuses every operation inside the maintenance window', async () => {
    await ctl.store.append(CLUSTER_STREAM, NO_STREAM, [
      { id: 'm-1', type: 'MaintenanceModeSet', data: { hostname: 'ctl', at: NOW - 1000 } },
    ]);
    await expectRefused(createOp(0), 'Command validation failure', ['Cluster is in maintenance mode']);
  });

  it('takes operations only from RW principals, names them as actors, and lets readers read', async () => {
    await ctl.app.close();
    const auth = defaultAuthSettings();
    const users = [
      ['reader', 'EXTERNAL_READ_ONLY'],
      ['writer', 'EXTERNAL_READ_WRITE'],
    ].map(([username, role]) => Object.assign(new UserConfig(), { username, password: 'pw', role }));
    Object.assign(auth.userAuth, { enabled: true, encoding: 'PLAIN', users });
    ctl = await startTestController(NOW, auth);
    const basic = (name: string) => ({
      authorization: `Basic ${Buffer.from(`${name}:pw`).toString('base64')}`,
    });

    expect((await ctl.post(OPERATIONS, createOp(0), basic('reader'))).code).toBe(403);
    expect(await ctl.store.headPosition()).toBe(0);
    expect((await ctl.post(OPERATIONS, createOp(0), basic('writer'))).code).toBe(200);
    expect((await ctl.store.readStream(applicationStream(APP_ID)))[0].actor).toBe('writer');
    expect((await ctl.get(`/apis/v1/applications/${APP_ID}`, basic('reader'))).body.status).toBe('SUCCESS');
  });
});
