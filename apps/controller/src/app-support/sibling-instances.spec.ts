import { StartInstanceMessage, StartLocalServiceInstanceMessage } from '@drove/domain';
import {
  localServiceSpecJson,
  minimalApplicationSpecJson,
  opSpecJson,
} from '@drove/domain/testing/spec-fixtures';
import { defaultAuthSettings } from '../auth/auth-settings';
import { InstanceTokens } from '../auth/instance-token';
import { UserConfig } from '../config/controller-config';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { Answer, startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { INVALID_INSTANCE_TOKEN } from './sibling-instances.controller';

const NOW = 1_700_000_000_000;
const SIBLINGS = '/apis/v1/internal/instances';
const OPERATIONS = '/apis/v1/applications/operations';
const SECRET = 'sibling-test-secret';

interface Sibling {
  appId: string;
  instanceId: string;
  executorId: string;
  state: string;
}

async function controllerWith(executor: FakeExecutor, basicAuth = false): Promise<TestController> {
  const auth = defaultAuthSettings();
  auth.instanceAuth.secret = SECRET;
  if (basicAuth) {
    auth.userAuth.enabled = true;
    auth.userAuth.encoding = 'PLAIN';
    auth.userAuth.users = [
      Object.assign(new UserConfig(), { username: 'u', password: 'p', role: 'EXTERNAL_ROOT' }),
    ];
  }
  const ctl = await startTestController(NOW, auth, executor);
  executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
  const header = { id: 's-1', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: NOW };
  await ctl.post(
    '/apis/v1/messages',
    { type: 'EXECUTOR_SNAPSHOT', header, nodeData: executor.nodeData() },
    EXECUTOR_HEADERS,
  );
  return ctl;
}

describe('GET /apis/v1/internal/instances (sibling discovery with instance tokens)', () => {
  let ctl: TestController;
  let executor: FakeExecutor;
  /** instanceId -> the token its START_INSTANCE carried */
  const tokens = new Map<string, string>();

  const siblings = (token: string | undefined, query = ''): Promise<Answer> =>
    ctl.get(`${SIBLINGS}${query}`, token === undefined ? {} : { 'app-instance-authorization': token });
  const healthy = async (appId: string) =>
    ((await ctl.get(`/apis/v1/applications/${appId}/instances`)).body.data as Sibling[]).filter(
      (i) => i.state === 'HEALTHY',
    );
  const create = async (name: string, instances: number, version = '1') => {
    const spec = { ...minimalApplicationSpecJson(), name, version };
    expect((await ctl.post(OPERATIONS, { type: 'CREATE', spec, instances, opSpec: opSpecJson() })).code).toBe(
      200,
    );
    await waitUntil(
      `${name} healthy`,
      async () => (await healthy(`${name}-${version}`)).length === instances,
      10_000,
    );
  };
  const tokenOf = (instanceId: string) => tokens.get(instanceId) as string;

  beforeAll(async () => {
    executor = new FakeExecutor();
    ctl = await controllerWith(executor);
    await create('web', 2);
    await create('db', 1);
    for (const m of executor.received.filter((m): m is StartInstanceMessage => m.type === 'START_INSTANCE'))
      tokens.set(m.spec.instanceId, m.spec.instanceAuthToken as string);
  });
  afterAll(() => ctl.app.close());

  it('sends each instance a token bound to its app, instance and executor, and never logs it', async () => {
    const signer = new InstanceTokens(SECRET);
    expect(tokens.size).toBe(3);
    for (const [instanceId, token] of tokens) {
      expect(signer.verify(token)).toEqual({
        appId: expect.stringMatching(/^(web|db)-1$/),
        instanceId,
        executorId: 'exec-1-id',
      });
    }
    const log = JSON.stringify(await ctl.store.readAll(1, 100_000));
    for (const token of tokens.values()) expect(log).not.toContain(token.split('.')[2]);
  });

  it("answers the caller's app's running instances, sorted by instanceId, in Drove's InstanceInfo", async () => {
    const web = await healthy('web-1');
    const expected = web.map((i) => i.instanceId).sort();
    for (const { instanceId } of web) {
      const res = await siblings(tokenOf(instanceId));
      expect(res.code).toBe(200);
      expect(res.body.status).toBe('SUCCESS');
      const data = res.body.data as Sibling[];
      expect(data.map((i) => i.instanceId)).toEqual(expected);
      expect(data[0]).toMatchObject({
        appId: 'web-1',
        appName: 'web',
        executorId: 'exec-1-id',
        state: 'HEALTHY',
      });
    }
    const [db] = await healthy('db-1');
    expect((await siblings(tokenOf(db.instanceId))).body.data).toEqual([
      expect.objectContaining({ appId: 'db-1' }),
    ]);
  });

  it('filters by state (case-insensitive), and refuses an unknown one with 400', async () => {
    const [web] = await healthy('web-1');
    expect((await siblings(tokenOf(web.instanceId), '?state=healthy')).body.data).toHaveLength(2);
    expect((await siblings(tokenOf(web.instanceId), '?state=UNREADY&state=READY')).body.data).toEqual([]);
    const bad = await siblings(tokenOf(web.instanceId), '?state=ASLEEP');
    expect(bad.code).toBe(400);
    expect(bad.body).toMatchObject({ message: 'Command validation failure' });
  });

  it('answers 200 FAILED for a validly signed token whose claims do not name a live instance', async () => {
    const [web] = await healthy('web-1');
    const signer = new InstanceTokens(SECRET);
    for (const claims of [
      { appId: 'db-1', instanceId: web.instanceId, executorId: 'exec-1-id' },
      { appId: 'web-1', instanceId: web.instanceId, executorId: 'exec-2-id' },
      { appId: 'web-1', instanceId: 'AI-never', executorId: 'exec-1-id' },
    ]) {
      expect((await siblings(signer.issue(claims))).body).toEqual({
        status: 'FAILED',
        message: INVALID_INSTANCE_TOKEN,
      });
    }
  });

  it("refuses a local-service instance's token, even when the service shares an app's id", async () => {
    const { devices: _devices, ...service } = { ...localServiceSpecJson(), name: 'web', version: '1' };
    const operate = (body: object) => ctl.post('/apis/v1/localservices/operations', body);
    expect((await operate({ type: 'CREATE', spec: service, instancesPerHost: 1 })).code).toBe(200);
    expect((await operate({ type: 'ACTIVATE', serviceId: 'web-1' })).code).toBe(200);
    const serviceStart = () =>
      executor.received.find(
        (m): m is StartLocalServiceInstanceMessage => m.type === 'START_LOCAL_SERVICE_INSTANCE',
      );
    await waitUntil('the service instance started', () => serviceStart() !== undefined, 10_000);
    const start = serviceStart() as StartLocalServiceInstanceMessage;
    const token = start.spec.instanceAuthToken as string;
    expect(new InstanceTokens(SECRET).verify(token)).toEqual({
      appId: 'web-1',
      instanceId: start.spec.instanceId,
      executorId: 'exec-1-id',
    });
    await waitUntil(
      'the service instance HEALTHY',
      async () =>
        ((await ctl.get('/apis/v1/localservices/web-1/instances')).body.data as Sibling[]).some(
          (i) => i.state === 'HEALTHY',
        ),
      10_000,
    );
    expect((await siblings(token)).body).toEqual({ status: 'FAILED', message: INVALID_INSTANCE_TOKEN });
  });

  it('refuses (403 in no-auth mode) a tampered, foreign or missing token, and opens no other route to a token', async () => {
    const [web] = await healthy('web-1');
    const token = tokenOf(web.instanceId);
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect((await siblings(tampered)).code).toBe(403);
    expect(
      (
        await siblings(
          new InstanceTokens('other').issue({
            appId: 'web-1',
            instanceId: web.instanceId,
            executorId: 'exec-1-id',
          }),
        )
      ).code,
    ).toBe(403);
    expect((await siblings(undefined)).code).toBe(403);
    expect((await ctl.get('/apis/v1/applications', { 'app-instance-authorization': token })).code).toBe(403);
    expect(
      (
        await ctl.post(
          OPERATIONS,
          { type: 'SUSPEND', appId: 'web-1' },
          { 'app-instance-authorization': token },
        )
      ).code,
    ).toBe(403);
  });

  it('with forApp=true, lists the instances of every version of the app', async () => {
    await create('web', 1, '2');
    const [web1] = await healthy('web-1');
    const appIdsOf = async (query: string) =>
      ((await siblings(tokenOf(web1.instanceId), query)).body.data as Sibling[]).map((i) => i.appId).sort();
    expect(await appIdsOf('?forApp=true')).toEqual(['web-1', 'web-1', 'web-2']);
    expect(await appIdsOf('')).toEqual(['web-1', 'web-1']);
    expect(await appIdsOf('?forApp=false')).toEqual(['web-1', 'web-1']);
  });

  it('refuses the token of an instance once it is stopped; its surviving sibling sees one instance', async () => {
    const before = await healthy('web-1');
    expect(
      (
        await ctl.post(OPERATIONS, {
          type: 'SCALE',
          appId: 'web-1',
          requiredInstances: 1,
          opSpec: opSpecJson(),
        })
      ).code,
    ).toBe(200);
    await waitUntil('web scaled to 1', async () => (await healthy('web-1')).length === 1, 10_000);
    const [survivor] = await healthy('web-1');
    const stopped = before.find((i) => i.instanceId !== survivor.instanceId) as Sibling;
    await waitUntil(
      'stopped reported',
      async () => (await siblings(tokenOf(stopped.instanceId))).body.status === 'FAILED',
    );
    expect((await siblings(tokenOf(stopped.instanceId))).body).toEqual({
      status: 'FAILED',
      message: INVALID_INSTANCE_TOKEN,
    });
    expect(
      ((await siblings(tokenOf(survivor.instanceId))).body.data as Sibling[]).map((i) => i.instanceId),
    ).toEqual([survivor.instanceId]);
  });
});

describe('instance tokens with basic auth enabled', () => {
  it('lets a valid token through and answers 401 for a tampered or missing one', async () => {
    const executor = new FakeExecutor();
    const ctl = await controllerWith(executor, true);
    const status = async (headers: Record<string, string>) =>
      (await ctl.app.inject({ method: 'GET', url: SIBLINGS, headers })).statusCode;
    try {
      const signer = new InstanceTokens(SECRET);
      const token = signer.issue({ appId: 'web-1', instanceId: 'AI-1', executorId: 'exec-1-id' });
      expect((await ctl.get(SIBLINGS, { 'app-instance-authorization': token })).body).toEqual({
        status: 'FAILED',
        message: INVALID_INSTANCE_TOKEN,
      });
      expect(await status({ 'app-instance-authorization': `${token}x` })).toBe(401);
      expect(await status({})).toBe(401);
      const basic = { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` };
      expect(await status(basic)).toBe(403);
    } finally {
      await ctl.app.close();
    }
  });
});
