import { AddressInfo } from 'node:net';
import { IncomingMessage, Server, createServer } from 'node:http';
import { instanceDecider, instanceStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { EXECUTOR_HEADERS } from '../testing/fake-executor';
import { FakeTaskExecutor } from '../testing/fake-task-executor';
import { startTestController, TestController, TEST_HOSTNAME } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';

const NOW = Date.UTC(2024, 6, 4, 10, 20, 30);
const APP_ID = 'mini-1';
interface Instance {
  instanceId: string;
  state: string;
}

const TASK_LIST = '/apis/v1/logfiles/tasks/batch/T-1/list';
const BIG = 'x'.repeat(256 * 1024);

/** The executor's file-stream API on loopback: records each request, answers by path. */
function fakeFileStream(seen: IncomingMessage[]): Server {
  return createServer((request, response) => {
    seen.push(request);
    const url = request.url ?? '';
    if (url.endsWith('/list')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ files: ['output.log'] }));
    } else if (url.includes('/read/output.log')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: 'hello', offset: 0 }));
    } else if (url.includes('/download/output.log')) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write(BIG.slice(0, 1024));
      setTimeout(() => response.end(BIG.slice(1024)), 20);
    } else {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Out of bounds' }));
    }
  });
}

describe('log files proxied to the executor running the instance', () => {
  let ctl: TestController;
  let server: Server;
  let seen: IncomingMessage[];
  let instanceId: string;
  let base: string;

  beforeEach(async () => {
    seen = [];
    server = fakeFileStream(seen);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const executor = new FakeTaskExecutor('exec-1-id', '127.0.0.1', (server.address() as AddressInfo).port);
    ctl = await startTestController(NOW, undefined, executor, true, 60_000);
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
    await ctl.post('/apis/v1/messages', executor.snapshotMessage(NOW), EXECUTOR_HEADERS);
    const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 1, opSpec: opSpecJson() };
    await ctl.post('/apis/v1/applications/operations', create);
    const listed = async () =>
      (await ctl.get(`/apis/v1/applications/${APP_ID}/instances`)).body.data as Instance[];
    // the executor's reports must be over before the controller closes
    await waitUntil('a healthy instance', async () => (await listed())[0]?.state === 'HEALTHY', 10_000);
    instanceId = (await listed())[0].instanceId;
    base = `/apis/v1/logfiles/applications/${APP_ID}/${instanceId}`;
  });

  afterEach(async () => {
    await ctl.app.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const inject = (url: string) => ctl.app.inject({ method: 'GET', url });

  it('lists and reads with the controller secret, the executor body unchanged', async () => {
    const list = await inject(`${base}/list`);
    expect([list.statusCode, list.headers['content-type'], list.json()]).toEqual([
      200,
      'application/json',
      { files: ['output.log'] },
    ]);
    const read = await inject(`${base}/read/output.log?offset=0&length=5`);
    expect(read.json()).toEqual({ data: 'hello', offset: 0 });
    expect(seen.map((r) => r.url)).toEqual([
      `/apis/v1/logs/filestream/${APP_ID}/${instanceId}/list`,
      `/apis/v1/logs/filestream/${APP_ID}/${instanceId}/read/output.log?offset=0&length=5`,
    ]);
    expect(seen[0].headers).toMatchObject({
      'cluster-authorization': 'DefaultControllerSecret',
      nodeid: TEST_HOSTNAME,
    });
    expect((await inject(`${base}/read/output.log`)).statusCode).toBe(200);
    expect(seen[2].url).toContain('read/output.log?offset=-1&length=-1');
  });

  it('streams a download as an attachment, renamed on request', async () => {
    const plain = await inject(`${base}/download/output.log`);
    expect([plain.statusCode, plain.body.length, plain.headers['content-type']]).toEqual([
      200,
      BIG.length,
      'text/plain',
    ]);
    expect(plain.headers['content-disposition']).toBe('attachment; filename=output.log');
    const renamed = await inject(`${base}/download/output.log?rename=true`);
    expect(renamed.headers['content-disposition']).toBe(
      `attachment; filename=${APP_ID}_${instanceId}_output.log-2024-07-04_10-20-30`,
    );
  });

  it('finds a task by its record and proxies to <sourceAppName>/<taskId>', async () => {
    const spec = {
      sourceAppName: 'batch',
      taskId: 'T-1',
      executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
      resources: [
        { type: 'CPU', count: 1 },
        { type: 'MEMORY', sizeInMB: 64 },
      ],
    };
    expect(
      (await ctl.post('/apis/v1/tasks/operations', { type: 'CREATE', spec, opSpec: opSpecJson() })).code,
    ).toBe(200);
    await waitUntil(
      'the task on its executor',
      async () => (await inject(TASK_LIST)).statusCode === 200,
      10_000,
    );
    expect(seen.at(-1)?.url).toBe('/apis/v1/logs/filestream/batch/T-1/list');
  });

  it('finds a local-service instance by its record and proxies to <serviceId>/<instanceId>', async () => {
    const outcome = await ctl.app.get(CommandPipeline).execute(
      instanceDecider,
      instanceStream('SI-1'),
      {
        type: 'RequestInstanceStart',
        instanceId: 'SI-1',
        kind: 'LOCAL_SERVICE',
        ownerId: 'svc-1',
        executorId: 'exec-1-id',
        resources: [],
        at: NOW,
      },
      { actor: 'test' },
    );
    expect(outcome.ok).toBe(true);
    const service = '/apis/v1/logfiles/localservices/svc-1/SI-1';
    await waitUntil(
      'the instance in the view',
      async () => (await inject(`${service}/list`)).statusCode === 200,
    );
    const read = await inject(`${service}/read/output.log?offset=0&length=5`);
    expect(read.json()).toEqual({ data: 'hello', offset: 0 });
    const download = await inject(`${service}/download/output.log?rename=true`);
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename=svc-1_SI-1_output.log-2024-07-04_10-20-30',
    );
    expect(seen.map((r) => r.url).slice(-3)).toEqual([
      '/apis/v1/logs/filestream/svc-1/SI-1/list',
      '/apis/v1/logs/filestream/svc-1/SI-1/read/output.log?offset=0&length=5',
      '/apis/v1/logs/filestream/svc-1/SI-1/download/output.log',
    ]);
    // an app instance is not served as a local-service one, nor the other way round
    expect((await inject(`/apis/v1/logfiles/localservices/${APP_ID}/${instanceId}/list`)).statusCode).toBe(
      204,
    );
    expect((await inject(`/apis/v1/logfiles/applications/svc-1/SI-1/list`)).statusCode).toBe(204);
  });

  it.each([
    ['an unknown instance', `/apis/v1/logfiles/applications/${APP_ID}/AI-nope/list`],
    ['an instance under another app', `/apis/v1/logfiles/applications/other-1/INSTANCE/list`],
    ['an unknown task', '/apis/v1/logfiles/tasks/mini/T-1/list'],
  ])('answers 204 for %s', async (_name, url) => {
    const answer = await inject(url.replace('INSTANCE', instanceId));
    expect([answer.statusCode, answer.body]).toEqual([204, '']);
  });

  it('turns an executor error into 500 with its code and body', async () => {
    const answer = await inject(`${base}/read/other.log`);
    expect(answer.statusCode).toBe(500);
    expect(answer.json()).toEqual({ error: 'Executor call returned: 400 body: {"error":"Out of bounds"}' });
  });
});
