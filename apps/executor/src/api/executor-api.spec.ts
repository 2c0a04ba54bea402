import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { hollowCheckers } from '../checks/hollow-checkers';
import { ExecutorModule } from '../executor.module';
import { LogFileReader } from '../logs/log-file-reader';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { ExecutorStateHolder } from '../state/executor-state-holder';
import { appInstanceJson, engineHarness, taskInstanceJson } from '../testing/engine.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ExecutorMessageHandler } from './executor-message-handler';

const header = { id: 'm-1', senderType: 'CONTROLLER', direction: 'REQUEST', messageTime: 1 };
const address = { executorId: 'executor-test', hostname: 'localhost', port: 3000, transportType: 'HTTP' };

describe('executor HTTP API (messages)', () => {
  let app: NestFastifyApplication;
  const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
  const harness = engineHarness(runtime, launcherSettings('api'), hollowCheckers(runtime));
  const executor = new ExecutorStateHolder();

  beforeAll(async () => {
    const handler = new ExecutorMessageHandler(harness.engine, executor);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ExecutorModule.create({
          handler,
          logs: new LogFileReader('/nonexistent'),
          secrets: ['s-ctl', 's-ex'],
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    for (const id of harness.engine.knownInstanceIds()) harness.engine.stop(id);
    await harness.engine.settled();
    await app.close();
  });

  const post = (payload: unknown, secret?: string) =>
    app.inject({
      method: 'POST',
      url: '/apis/v1/messages',
      payload: payload as object,
      headers: { 'content-type': 'application/json', ...(secret ? { 'cluster-authorization': secret } : {}) },
    });

  it.each([[undefined], ['wrong']])(
    'answers a %s secret with a bare 401 and does nothing',
    async (secret) => {
      const spec = appInstanceJson();
      executor.ready();
      const res = await post({ type: 'START_INSTANCE', header, address, spec }, secret);
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe('');
      expect(harness.engine.knownInstanceIds().has(spec.instanceId as string)).toBe(false);
    },
  );

  it('accepts a START_INSTANCE with any configured secret, echoing the header, and runs it', async () => {
    const spec = appInstanceJson();
    const res = await post({ type: 'START_INSTANCE', header, address, spec }, 's-ex');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ header, status: 'ACCEPTED' });
    await harness.reached(spec.instanceId as string, 'HEALTHY');
  });

  it.each([
    ['STOP_INSTANCE of an unknown instance', (id: string) => ({ type: 'STOP_INSTANCE', instanceId: id })],
    ['STOP_TASK of an unknown task', (id: string) => ({ type: 'STOP_TASK', instanceId: id })],
  ])('fails %s', async (_name, body) => {
    const res = await post({ header, address, ...body('AI-x') }, 's-ctl');
    expect(res.json()).toEqual({ header, status: 'FAILED' });
  });

  it('refuses START_TASK while blacklisted, accepts it again after UNBLACKLIST', async () => {
    expect((await post({ type: 'BLACKLIST', header, address }, 's-ctl')).json().status).toBe('ACCEPTED');
    expect(executor.state).toBe('BLACKLISTED');
    const spec = taskInstanceJson({ ITERATIONS: '1' });
    expect((await post({ type: 'START_TASK', header, address, spec }, 's-ctl')).json().status).toBe('FAILED');
    await post({ type: 'UNBLACKLIST', header, address }, 's-ctl');
    expect(executor.state).toBe('ACTIVE');
    expect((await post({ type: 'START_TASK', header, address, spec }, 's-ctl')).json().status).toBe(
      'ACCEPTED',
    );
    await harness.reached(spec.instanceId as string, 'STOPPED');
  });

  it('accepts START_LOCAL_SERVICE_INSTANCE while UNREADY (Drove 3.4) and reports LOCAL_SERVICE_INSTANCE', async () => {
    const unready = new ExecutorStateHolder();
    const handler = new ExecutorMessageHandler(harness.engine, unready);
    const { appId, appName, ...rest } = appInstanceJson();
    // Core 1: the app instance of an earlier test still holds core 0.
    const spec: Record<string, unknown> = {
      ...rest,
      serviceId: `${appId as string}-svc`,
      serviceName: appName,
      hostLevelInstance: false,
      resources: [
        { type: 'CPU', cores: { '0': [1] } },
        { type: 'MEMORY', memoryInMB: { '0': 64 } },
      ],
    };
    const app = { type: 'START_INSTANCE' as const, header, address, spec: appInstanceJson() };
    expect(handler.handle(app as never).status).toBe('FAILED');
    const local = { type: 'START_LOCAL_SERVICE_INSTANCE' as const, header, address, spec };
    expect(handler.handle(local as never)).toEqual({ status: 'ACCEPTED' });
    const healthy = await harness.reached(spec.instanceId as string, 'HEALTHY');
    expect(healthy).toMatchObject({ kind: 'LOCAL_SERVICE_INSTANCE', info: { serviceId: spec.serviceId } });
    harness.engine.stop(spec.instanceId as string);
    await harness.reached(spec.instanceId as string, 'STOPPED');
  });

  it('answers 400 to a message that is not one', async () => {
    expect((await post({ type: 'NOPE', header, address }, 's-ctl')).statusCode).toBe(400);
  });

  // its only POST needs a body: an empty one is refused whatever the content type says
  it.each([[{ 'content-type': 'application/json' }], [{}]])(
    'answers 400 to a message with no body (%j)',
    async (headers) => {
      const res = await app.inject({
        method: 'POST',
        url: '/apis/v1/messages',
        headers: { ...headers, 'cluster-authorization': 's-ctl' },
      });
      expect(res.statusCode).toBe(400);
    },
  );
});
