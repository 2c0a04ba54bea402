import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  ApplicationSpecJson,
  CLUSTER_STREAM,
  applicationDecider,
  applicationStream,
  sequentialIdGenerator,
} from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { MemoryEventStore, NO_STREAM } from '@drove/events';
import { AuthSettings, defaultAuthSettings } from '../auth/auth-settings';
import { UserConfig } from '../config/controller-config';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { HttpEdgeModule } from '../http/http-edge.module';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { TestFence } from '../testing/test-fence';
import { ApplicationsModule } from './applications.module';

const FENCE_PATH = '/drove/leader/c-0000000007';
const NOW = 1_700_000_000_000;
const APP_ID = 'mini-1';

const leader: LeadershipView = { isLeader: () => true, leaderBaseUrl: () => Promise.resolve(null) };

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

describe('applications API on an in-memory log', () => {
  let app: NestFastifyApplication;
  let store: MemoryEventStore;
  let fence: TestFence;

  const boot = async (auth: AuthSettings = defaultAuthSettings()) => {
    store = new MemoryEventStore({ clock: () => NOW });
    store.grantFence(FENCE_PATH);
    fence = new TestFence();
    fence.lead(FENCE_PATH);
    @Module({
      imports: [
        HttpEdgeModule.withLeadership({ provide: LEADERSHIP_VIEW, useValue: leader }, auth),
        ApplicationsModule.register({
          store,
          fence,
          clock: { now: () => NOW },
          ids: sequentialIdGenerator(),
        }),
      ],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  };

  beforeEach(() => boot());
  afterEach(() => app.close());

  const post = (
    body: unknown,
    url = '/apis/v1/applications/operations',
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    return { code: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const expectRefused = async (body: unknown, message: string, errors: string[]) => {
    const before = await store.headPosition();
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ status: 'FAILED', data: { validationErrors: errors }, message });
    expect(await store.headPosition()).toBe(before);
  };
  // What a scaling saga would report once done; there is none yet, so the test plays its part.
  const completeOperation = (healthyInstances: number) =>
    app.get(CommandPipeline).execute(
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
    const res = await post(createOp(2));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'SUCCESS', data: { appId: APP_ID }, message: 'success' });

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
    expect(await get('/apis/v1/applications')).toEqual({
      code: 200,
      body: { status: 'SUCCESS', data: { [APP_ID]: summary }, message: 'success' },
    });
    expect((await get(`/apis/v1/applications/${APP_ID}`)).body).toEqual({
      status: 'SUCCESS',
      data: summary,
      message: 'success',
    });
    expect((await store.readStream(applicationStream(APP_ID)))[0].actor).toBe('default-user');
    const spec = (await get(`/apis/v1/applications/${APP_ID}/spec`)).body.data as ApplicationSpecJson;
    expect(spec).toMatchObject({ name: 'mini', version: '1' });
    expect((await get(`/apis/v1/applications/${APP_ID}/instances`)).body).toEqual({
      status: 'SUCCESS',
      data: [],
      message: 'success',
    });
  });

  it('stores the spec as sent and serves it masked', async () => {
    const configs = [{ type: 'INLINE', localFilename: '/etc/app.conf', data: 'c2VjcmV0' }];
    await post(createOp(0, specWith({ configs })));
    const stored = (await store.readStream(applicationStream(APP_ID)))[0].data as {
      spec: ApplicationSpecJson;
    };
    expect(stored.spec.configs).toEqual(configs);
    const served = (await get(`/apis/v1/applications/${APP_ID}/spec`)).body.data as ApplicationSpecJson;
    expect(served.configs).toEqual([{ ...configs[0], data: '' }]);
  });

  it('answers unknown apps with 200 FAILED', async () => {
    for (const path of [APP_ID, `${APP_ID}/spec`]) {
      expect(await get(`/apis/v1/applications/${path}`)).toEqual({
        code: 200,
        body: { status: 'FAILED', message: `App ${APP_ID} not found` },
      });
    }
  });

  it.each([
    [
      'a missing name',
      specWith({ name: undefined }),
      'Command validation failure',
      ['spec.name - Application name is mandatory'],
    ],
    [
      'no CPU requirement',
      specWith({ resources: [{ type: 'MEMORY', sizeInMB: 128 }] }),
      'Command validation failure',
      ['Cpu requirements are mandatory'],
    ],
  ])('refuses a CREATE with %s: 400, nothing stored', async (_what, spec, message, errors) => {
    await expectRefused(createOp(1, spec), message, errors);
  });

  it('refuses an unknown operation type as Drove Jackson would', async () => {
    const res = await post({ type: 'EXPLODE', appId: APP_ID });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 'FAILED', message: 'JSON validation failure' });
    expect(await store.headPosition()).toBe(0);
  });

  it('refuses operations on an unknown app and a second CREATE, with Drove texts', async () => {
    await expectRefused(appOp('SCALE', { requiredInstances: 1 }), 'Command validation failure', [
      `No state found for app: ${APP_ID}`,
    ]);
    await post(createOp(0));
    await expectRefused(createOp(0), 'Command validation failure', [`App ${APP_ID} already exists`]);
  });

  it('scales (SCALE and SCALE_INSTANCES, also on the deprecated path), suspends and destroys', async () => {
    await post(createOp(0));
    expect((await post(appOp('SCALE', { requiredInstances: 3 }))).statusCode).toBe(200);
    const rescale = await post(appOp('SCALE_INSTANCES', { requiredInstances: 4 }), '/apis/v1/operations');
    expect(rescale.json()).toEqual({ status: 'SUCCESS', data: { appId: APP_ID }, message: 'success' });
    expect((await get(`/apis/v1/applications/${APP_ID}`)).body.data).toMatchObject({
      state: 'SCALING_REQUESTED',
      requiredInstances: 4,
    });

    await completeOperation(4);
    expect((await post(appOp('SUSPEND'))).statusCode).toBe(200);
    expect((await get(`/apis/v1/applications/${APP_ID}`)).body.data).toMatchObject({
      state: 'SCALING_REQUESTED',
      requiredInstances: 0,
    });

    await completeOperation(0);
    expect((await post(appOp('DESTROY'))).statusCode).toBe(200);
    expect((await get(`/apis/v1/applications/${APP_ID}`)).body.data).toMatchObject({
      state: 'DESTROY_REQUESTED',
    });
  });

  it('refuses an operation the state does not allow', async () => {
    await post(createOp(0));
    await expectRefused(appOp('SUSPEND'), 'Command validation failure', [
      `Only [DESTROY, RECOVER, SCALE_INSTANCES, START_INSTANCES] allowed for app ${APP_ID} as it is in MONITORING state`,
    ]);
  });

  it('refuses every operation in the maintenance window', async () => {
    await store.append(CLUSTER_STREAM, NO_STREAM, [
      { id: 'm-1', type: 'MaintenanceModeSet', data: { hostname: 'ctl', at: NOW - 1000 } },
    ]);
    await expectRefused(createOp(0), 'Command validation failure', ['Cluster is in maintenance mode']);
  });

  it('refuses as not leader when the fence is gone between the guard and the append', async () => {
    fence.depose();
    const res = await post(createOp(0));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ status: 'FAILED', message: 'This node is not the leader controller' });
    expect(await store.headPosition()).toBe(0);
  });

  it('pages the list with from and size, and refuses bad paging', async () => {
    await post(createOp(0));
    await post(createOp(0, specWith({ version: '2' })));
    const page = await get('/apis/v1/applications?from=1&size=1');
    expect(Object.keys(page.body.data as object)).toEqual(['mini-2']);
    expect((await get('/apis/v1/applications?from=-1')).code).toBe(400);
  });

  it('takes operations only from RW principals, names them as actors, and lets readers read', async () => {
    await app.close();
    const auth = defaultAuthSettings();
    const users = [
      ['reader', 'EXTERNAL_READ_ONLY'],
      ['writer', 'EXTERNAL_READ_WRITE'],
    ].map(([username, role]) => Object.assign(new UserConfig(), { username, password: 'pw', role }));
    Object.assign(auth.userAuth, { enabled: true, users });
    await boot(auth);
    const basic = (name: string) => ({
      authorization: `Basic ${Buffer.from(`${name}:pw`).toString('base64')}`,
    });

    expect((await post(createOp(0), undefined, basic('reader'))).statusCode).toBe(403);
    expect(await store.headPosition()).toBe(0);
    expect((await post(createOp(0), undefined, basic('writer'))).statusCode).toBe(200);
    expect((await store.readStream(applicationStream(APP_ID)))[0].actor).toBe('writer');
    expect((await get(`/apis/v1/applications/${APP_ID}`, basic('reader'))).body.status).toBe('SUCCESS');
  });
});
