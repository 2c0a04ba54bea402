import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { EXECUTOR_HEADERS } from '../testing/fake-executor';
import { FakeTaskExecutor } from '../testing/fake-task-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { escapeHtml } from './html';

const NOW = 1_700_000_000_000;
const HOSTILE = `"><script>alert('x')</script>`;
const ESCAPED = escapeHtml(HOSTILE);
const APP_ID = 'mini-1';
const LEADER = 'http://ctl-test:4000';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('UI pages: rendered by the leader from the cluster view, redirected by a follower', () => {
  let ctl: TestController;
  let instanceId = '';

  const load = (url: string) => ctl.app.inject({ method: 'GET', url });
  const search = (payload: string) =>
    ctl.app.inject({ method: 'POST', url: '/apis/v1/tasks/search', payload, headers: FORM });

  beforeAll(async () => {
    const executor = new FakeTaskExecutor();
    ctl = await startTestController(NOW, undefined, executor);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    await ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
    const spec = { ...minimalApplicationSpecJson(), tags: { owner: HOSTILE }, env: { NOTE: HOSTILE } };
    const created = await ctl.post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec,
      instances: 1,
      opSpec: opSpecJson(),
    });
    expect(created.code).toBe(200);
    const task = {
      sourceAppName: 'batch',
      taskId: 't1',
      executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
      resources: [
        { type: 'CPU', count: 1 },
        { type: 'MEMORY', sizeInMB: 64 },
      ],
      env: { ITERATIONS: '1', NOTE: HOSTILE },
    };
    expect(
      (await ctl.post('/apis/v1/tasks/operations', { type: 'CREATE', spec: task, opSpec: opSpecJson() }))
        .code,
    ).toBe(200);
    await waitUntil('the app RUNNING with one HEALTHY instance and the task reported', async () => {
      const app = (await ctl.get(`/apis/v1/applications/${APP_ID}`)).body.data as {
        healthyInstances?: number;
      };
      const info = (await ctl.get('/apis/v1/tasks/batch/instances/t1')).body.data;
      return app?.healthyInstances === 1 && info !== undefined;
    });
    const instances = (await ctl.get(`/apis/v1/applications/${APP_ID}/instances`)).body.data as {
      instanceId: string;
    }[];
    instanceId = instances[0]?.instanceId ?? '';
  });
  afterAll(() => ctl.app.close());
  beforeEach(() => {
    ctl.leadership.leading = true;
    ctl.leadership.leaderUrl = LEADER;
  });

  const pages: [string, () => string[]][] = [
    ['/', () => ['Cluster overview', APP_ID, 'exec-1-id', ESCAPED]],
    ['/apis/ui', () => ['Cluster overview', APP_ID]],
    ['/dashboard', () => ['Dashboard', `href="/applications/${APP_ID}"`, 'HEALTHY']],
    ['/applications', () => [`href="/applications/${APP_ID}"`, '1 / 1', ESCAPED]],
    [`/applications/${APP_ID}`, () => [instanceId, 'HEALTHY', ESCAPED, 'drove-test/http-server:latest']],
    [`/apis/ui/applications/${APP_ID}`, () => [instanceId, ESCAPED]],
    [`/applications/${APP_ID}/instances/x`, () => ['No instance x of']],
    ['/tasks', () => ['href="/tasks/batch/t1"']],
    ['/tasks/batch/t1', () => ['Task batch/t1', 'exec-1-id', `NOTE=${ESCAPED}`]],
    ['/tasks/batch/nope', () => ['No task nope of batch is known']],
    ['/localservices', () => ['No local services']],
    ['/cluster', () => ['href="/executors/exec-1-id"', 'ACTIVE', 'exec-1:3000']],
    ['/executors/exec-1-id', () => [`href="/applications/${APP_ID}/instances/`, 'NUMA node']],
    ['/apis/ui/executors/nope', () => ['No executor nope is known']],
  ];
  it.each(pages)('renders %s as escaped HTML', async (url, expected) => {
    const res = await load(url);
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    for (const text of expected()) expect([url, res.body.includes(text)]).toEqual([url, true]);
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
    expect(res.body).not.toContain(HOSTILE);
    expect(res.body).not.toContain('<script');
  });

  it('renders the instance page of a real instance', async () => {
    const res = await load(`/applications/${APP_ID}/instances/${instanceId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Instance ${instanceId}`);
    expect(res.body).toContain('href="/executors/exec-1-id"');
    expect(res.body).toContain(`href="/apis/v1/logfiles/applications/${APP_ID}/${instanceId}/list"`);
  });

  it.each([
    '/applications/nope',
    '/apis/ui/applications/nope/instances/x',
    '/localservices/nope',
    '/localservices/nope/instances/x',
  ])('sends %s, an unknown app or service, to / with 303 as Drove', async (url) => {
    const res = await load(url);
    expect([res.statusCode, res.headers.location]).toEqual([303, '/']);
  });

  it('answers the task search form with 303 to the task, or to / when there is none', async () => {
    const found = await search('taskSearchAppName=batch&taskSearchTaskID=t1');
    expect([found.statusCode, found.headers.location]).toEqual([303, '/tasks/batch/t1']);
    const missing = await search('taskSearchAppName=batch&taskSearchTaskID=t2');
    expect([missing.statusCode, missing.headers.location]).toEqual([303, '/']);
  });

  it.each([
    ['taskSearchAppName=batch', ['taskSearchTaskID must not be empty']],
    ['taskSearchAppName=a%2Fb&taskSearchTaskID=t1', ['taskSearchAppName must match "[a-zA-Z\\d\\-_]*"']],
    ['taskSearchAppName=a&taskSearchAppName=b&taskSearchTaskID=t1', ['taskSearchAppName must not be empty']],
  ])('refuses the search %s with 400 and validation errors', async (payload, errors) => {
    const res = await search(payload);
    expect([res.statusCode, res.json()]).toEqual([
      400,
      { status: 'FAILED', data: { validationErrors: errors }, message: 'Command validation failure' },
    ]);
  });

  it.each([
    ['/', '/'],
    ['/apis/ui', '/'],
    ['/dashboard', '/dashboard'],
    [`/apis/ui/applications/${APP_ID}`, `/applications/${APP_ID}`],
    [`/applications/${APP_ID}/instances/AI-1`, `/applications/${APP_ID}/instances/AI-1`],
    ['/apis/ui/tasks/batch/t1', '/tasks/batch/t1'],
    ['/localservices/nope', '/localservices/nope'],
    ['/apis/ui/localservices/s-1/instances/SI-1', '/localservices/s-1/instances/SI-1'],
    ['/apis/ui/cluster?refresh=1', '/cluster?refresh=1'],
    ['/executors/exec-1-id', '/executors/exec-1-id'],
  ])('on a follower, 303s %s to the leader at %s', async (url, path) => {
    ctl.leadership.leading = false;
    const res = await load(url);
    expect([res.statusCode, res.headers.location]).toEqual([303, `${LEADER}${path}`]);
  });

  it('on a follower, keeps 400 not-leader for API routes, the search form included, and for pages while no one leads', async () => {
    ctl.leadership.leading = false;
    const notLeader = { status: 'FAILED', message: 'This node is not the leader controller' };
    const api = await load(`/apis/v1/applications/${APP_ID}`);
    const form = await search('taskSearchAppName=batch&taskSearchTaskID=t1');
    ctl.leadership.leaderUrl = null;
    const page = await load('/applications');
    for (const res of [api, form, page]) expect([res.statusCode, res.json()]).toEqual([400, notLeader]);
  });
});
