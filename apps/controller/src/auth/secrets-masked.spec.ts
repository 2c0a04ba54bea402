import { LoggerService } from '@nestjs/common';
import { StartInstanceMessage } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { basic, basicAuthSettings, CALLERS } from '../testing/test-users';
import { waitUntil } from '../testing/wait-until';
import { startWholeController, WholeController } from '../testing/whole-controller';
import { ENDPOINT_ACCESS } from './endpoint-access';
import { InstanceTokens } from './instance-token';

const INLINE_TEXT = 'inline-secret-7f3a';
const FETCH_USER = 'fetch-user-9c1';
const FETCH_PASSWORD = 'fetch-password-2b8';
const FETCH_TOKEN = 'fetch-token-5d0';
const EXECUTOR_FETCH_PASSWORD = 'exec-fetch-password-4e6';
const WRONG_PASSWORD = 'wrong-password-3c2';
// the root caller's real password (CALLERS.root) and the cluster secrets the executor's reports carry
const ROOT_PASSWORD = 'root-pw';
const CLUSTER_SECRETS = basicAuthSettings().clusterAuth.secrets.map((s) => s.secret);
const SECRETS = [
  INLINE_TEXT,
  Buffer.from(INLINE_TEXT).toString('base64'),
  FETCH_USER,
  FETCH_PASSWORD,
  FETCH_TOKEN,
  EXECUTOR_FETCH_PASSWORD,
  WRONG_PASSWORD,
  Buffer.from(`root:${WRONG_PASSWORD}`).toString('base64'),
  ROOT_PASSWORD,
  Buffer.from(`root:${ROOT_PASSWORD}`).toString('base64'),
  ...CLUSTER_SECRETS,
];

const http = (extra: Record<string, unknown>) => ({
  protocol: 'HTTP',
  hostname: 'config.local',
  port: 8080,
  path: '/config',
  verb: 'GET',
  successCodes: [200],
  connectionTimeout: '1 second',
  operationTimeout: '2 seconds',
  ...extra,
});
const CONFIGS = [
  { type: 'INLINE', localFilename: '/files/a.txt', data: Buffer.from(INLINE_TEXT).toString('base64') },
  {
    type: 'CONTROLLER_HTTP_FETCH',
    localFilename: '/files/b.txt',
    http: http({ username: FETCH_USER, password: FETCH_PASSWORD, authHeader: `Bearer ${FETCH_TOKEN}` }),
  },
  {
    type: 'EXECUTOR_HTTP_FETCH',
    localFilename: '/files/c.txt',
    http: http({ username: 'u', password: EXECUTOR_FETCH_PASSWORD }),
  },
];
const APP_SPEC = { ...minimalApplicationSpecJson(), name: 'vault', configs: CONFIGS };
const SERVICE_SPEC = {
  ...APP_SPEC,
  name: 'vault-svc',
  type: 'LOCAL_SERVICE',
  placementPolicy: { type: 'LOCAL', hostLevel: false },
};
const TASK_SPEC = {
  sourceAppName: 'vault',
  taskId: 't1',
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  configs: CONFIGS,
};

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private readonly keep = (...parts: unknown[]) =>
    this.lines.push(parts.map((p) => JSON.stringify(p)).join(' '));
  log = this.keep;
  warn = this.keep;
  error = this.keep;
  debug = this.keep;
  verbose = this.keep;
  fatal = this.keep;
}

const ROOT = CALLERS.root;

describe('spec secrets (inline config, fetch credentials) and passwords never shown', () => {
  let ctl: WholeController;
  const logger = new CapturingLogger();
  const shown: string[] = [];
  let executor: FakeExecutor;

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers = ROOT) => {
    const res = await ctl.app.inject({
      method,
      url,
      headers,
      ...(payload ? { payload: payload as object } : {}),
    });
    shown.push(`${method} ${url} -> ${res.statusCode} ${res.body}`);
    return res;
  };

  /** An SSE route never ends: keep what it sent in its first `ms` (the catch-up from `after=0` comes at once). */
  const readStream = async (url: string, headers = ROOT, ms = 1500) => {
    const res = await ctl.app.inject({ method: 'GET', url, headers, payloadAsStream: true });
    const stream = res.stream();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => setTimeout(resolve, ms));
    stream.destroy();
    shown.push(`GET ${url} -> ${res.statusCode} ${Buffer.concat(chunks).toString('utf8')}`);
    return { statusCode: res.statusCode, text: Buffer.concat(chunks).toString('utf8') };
  };

  beforeAll(async () => {
    executor = new FakeExecutor();
    const auth = basicAuthSettings();
    ctl = await startWholeController({ auth, messenger: executor, logger });
    executor.report = async (path, body) => {
      await ctl.app.inject({ method: 'POST', url: path, payload: body as object, headers: EXECUTOR_HEADERS });
    };
    await call('POST', '/apis/v1/messages', executor.snapshotMessage(1), EXECUTOR_HEADERS);
    const create = { type: 'CREATE', spec: APP_SPEC, instances: 1, opSpec: opSpecJson() };
    expect((await call('POST', '/apis/v1/applications/operations', create)).statusCode).toBe(200);
    await waitUntil(
      'vault-1 RUNNING',
      async () =>
        (await call('GET', '/apis/v1/applications/vault-1')).json<{ data?: { state: string } }>().data
          ?.state === 'RUNNING',
    );
    // refusals that echo what was sent back, if anything does
    await call('POST', '/apis/v1/applications/operations', create);
    await call('POST', '/apis/v1/applications/operations', { ...create, spec: { ...APP_SPEC, version: '' } });
    await call('POST', '/apis/v1/applications/validate/spec', APP_SPEC);
    await call('POST', '/apis/v1/tasks/operations', {
      type: 'CREATE',
      spec: TASK_SPEC,
      opSpec: opSpecJson(),
    });
    await call('POST', '/apis/v1/tasks/validate/spec', TASK_SPEC);
    const service = { type: 'CREATE', spec: SERVICE_SPEC, instancesPerHost: 1 };
    expect((await call('POST', '/apis/v1/localservices/operations', service)).statusCode).toBe(200);
    await call('POST', '/apis/v1/localservices/validate/spec', SERVICE_SPEC);
    // the saga records the task (LOST: this executor does not run tasks), so its TaskInfo is served below
    await waitUntil(
      'task vault/t1 recorded',
      async () =>
        (await call('GET', '/apis/v1/tasks/vault/instances/t1')).json<{ status: string }>().status ===
        'SUCCESS',
    );
    await call('POST', '/apis/v1/applications/operations', create, basic('root', WRONG_PASSWORD));
    // a cluster node on a user route: refused with 403, and the refusal (headers included) is logged and audited
    await call('POST', '/apis/v1/applications/operations', create, EXECUTOR_HEADERS);
  });
  afterAll(() => ctl.app.close());

  it('stores them as sent and sends them to the executor (so the masking below is doing work)', async () => {
    const log = JSON.stringify(await ctl.store.readAll(1, 10_000));
    expect(log).toContain(FETCH_PASSWORD);
    expect(log).toContain(Buffer.from(INLINE_TEXT).toString('base64'));
    const start = executor.received.find((m): m is StartInstanceMessage => m.type === 'START_INSTANCE');
    expect(JSON.stringify(start?.spec.configs)).toContain(FETCH_PASSWORD);
    const denied = ctl.audit.lines.filter((l) => l.kind === 'denied').map((l) => [l.status, l.actor]);
    expect(denied).toEqual(
      expect.arrayContaining([
        [401, undefined],
        [403, 'executor:exec-1'],
      ]),
    );
  });

  it('shows none through any route, the audit file or a log line', async () => {
    const [instance] = executor.received
      .filter((m): m is StartInstanceMessage => m.type === 'START_INSTANCE')
      .map((m) => m.spec.instanceId);
    const params: Record<string, string> = {
      appId: 'vault-1',
      appName: 'vault',
      instanceId: instance,
      executorId: executor.executorId,
      sourceAppName: 'vault',
      taskId: 't1',
      serviceId: 'vault-svc-1',
    };
    const queries: Record<string, string> = {
      '/apis/v2/audit/events': '?limit=1000',
      '/apis/v2/history/cluster': `?at=${Date.now() + 60_000}`,
      '/apis/v1/cluster/events/latest': '?size=10000',
      '/apis/v1/cluster/events': '?size=10000',
      '/apis/v2/events/stream': '?after=0',
    };
    const token = new InstanceTokens(basicAuthSettings().instanceAuth.secret).issue({
      appId: 'vault-1',
      instanceId: instance,
      executorId: executor.executorId,
    });
    // every GET but the log-file proxy (files of the container, served by the executor)
    for (const [key, access] of Object.entries(ENDPOINT_ACCESS)) {
      const [method, route] = key.split(' ');
      if (method !== 'GET' || access === 'LOGS') continue;
      const url = route.replace(/:(\w+)/g, (_, name: string) => params[name]) + (queries[route] ?? '');
      if (route === '/apis/v2/events/stream') {
        const streamed = await readStream(url);
        // the catch-up did carry the app's events, so the stream was read, not just opened
        expect([url, streamed.statusCode, streamed.text.includes('vault-1')]).toEqual([url, 200, true]);
        continue;
      }
      const headers: Partial<Record<string, Record<string, string>>> = {
        APPI: { 'app-instance-authorization': token },
        NODE: EXECUTOR_HEADERS,
      };
      const res = await call('GET', url, undefined, headers[access] ?? ROOT);
      expect([url, res.statusCode]).toEqual([url, 200]);
    }
    const spec = shown.find((s) => s.startsWith('GET /apis/v1/applications/vault-1/spec'));
    expect(spec).toContain('"password":"***"');
    const serviceSpec = shown.find((s) => s.startsWith('GET /apis/v1/localservices/vault-svc-1/spec'));
    expect(serviceSpec).toContain('"password":"***"');
    // the UI's pages show the same masked specs, as escaped JSON
    for (const page of ['GET /applications/vault-1 ', 'GET /localservices/vault-svc-1 ']) {
      expect(shown.find((s) => s.startsWith(page))).toContain('&quot;password&quot;: &quot;***&quot;');
    }
    const everything = [...shown, ...logger.lines, JSON.stringify(ctl.audit.lines)].join('\n');
    for (const secret of SECRETS) expect([secret, everything.includes(secret)]).toEqual([secret, false]);
  });
});
