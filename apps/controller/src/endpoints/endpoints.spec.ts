import { InstanceInfoJson, InstanceState, instanceDecider, instanceStream } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { ExecutorRegistry } from '../executors/executor-registry';
import { FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;
const exposure = { vhost: 'mini.example', portName: 'main', mode: 'ALL' };
const exposedSpec = (name: string) => ({ ...minimalApplicationSpecJson(), name, exposureSpec: exposure });
const host = (hostname: string, hostPort: number) => ({ host: hostname, port: hostPort, portType: 'HTTP' });

describe('GET /apis/v1/endpoints', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(NOW, undefined, undefined, false);
  });
  afterEach(() => ctl.app.close());

  const create = async (spec: unknown, instances = 1) => {
    const res = await ctl.post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec,
      instances,
      opSpec: opSpecJson(),
    });
    expect(res.code).toBe(200);
  };
  const instance = (
    appName: string,
    n: number,
    state: InstanceState,
    patch: Partial<InstanceInfoJson> = {},
  ): InstanceInfoJson => ({
    appId: `${appName}-1`,
    appName,
    instanceId: `AI-${appName}-${n}`,
    executorId: 'exec-1-id',
    localInfo: {
      hostname: `h${n}`,
      ports: { main: { containerPort: 8000, hostPort: 32000 + n, portType: 'HTTP' } },
    },
    resources: [],
    state,
    metadata: {},
    errorMessage: '',
    created: 1000 - n,
    updated: ctl.clock.now(),
    ...patch,
  });
  const record = async (info: InstanceInfoJson) => {
    const outcome = await ctl.app
      .get(CommandPipeline)
      .execute(
        instanceDecider,
        instanceStream(info.instanceId),
        { type: 'RecordInstanceState', info, at: ctl.clock.now() },
        { actor: 'test' },
      );
    expect(outcome).toMatchObject({ ok: true });
  };
  const endpoints = async (query = '') => (await ctl.get(`/apis/v1/endpoints${query}`)).body;

  it('lists exposed active apps sorted by id, healthy hosts by creation, filtered by name', async () => {
    await create(exposedSpec('quiet'), 0);
    await record(instance('quiet', 7, 'HEALTHY'));
    expect((await ctl.get('/apis/v1/applications/quiet-1')).body.data).toMatchObject({ state: 'MONITORING' });
    await create(exposedSpec('web'));
    await create(exposedSpec('api'));
    await create(minimalApplicationSpecJson());
    await create(exposedSpec('idle'));
    await record(instance('web', 1, 'HEALTHY'));
    await record(instance('web', 2, 'HEALTHY'));
    await record(instance('web', 3, 'UNHEALTHY'));
    await record(instance('web', 4, 'HEALTHY', { localInfo: { hostname: 'h4', ports: {} } }));
    await record(instance('api', 5, 'HEALTHY'));
    await record(instance('mini', 6, 'HEALTHY'));
    const app = (name: string, hosts: unknown[]) => ({
      appName: name,
      appId: `${name}-1`,
      vhost: 'mini.example',
      tags: {},
      hosts,
    });
    const web = app('web', [host('h2', 32002), host('h1', 32001)]);
    expect(await endpoints()).toEqual({
      status: 'SUCCESS',
      data: [app('api', [host('h5', 32005)]), app('idle', []), web],
      message: 'success',
    });
    expect((await endpoints('?app=web&app=idle')).data).toEqual([app('idle', []), web]);
    expect((await ctl.get('/apis/v1/endpoints/app/web')).body.data).toEqual([web]);
    expect((await ctl.get('/apis/v1/endpoints/app/nothing')).body.data).toEqual([]);
  });

  it('drops a HEALTHY instance not heard of for 60 s, unless a snapshot or the maintenance window keeps it', async () => {
    await create(exposedSpec('web'));
    await record(instance('web', 1, 'HEALTHY'));
    const hostsNow = async () => ((await endpoints()).data as { hosts: unknown[] }[])[0].hosts;
    ctl.clock.at += 60_000;
    expect(await hostsNow()).toEqual([host('h1', 32001)]);
    ctl.clock.at += 1;
    expect(await hostsNow()).toEqual([]);

    const executor = new FakeExecutor();
    const fresh = instance('web', 1, 'HEALTHY', { updated: ctl.clock.now() });
    ctl.app.get(ExecutorRegistry).update({ ...executor.nodeData(), instances: [fresh] });
    expect(await hostsNow()).toEqual([host('h1', 32001)]);
    ctl.clock.at += 60_001;
    expect(await hostsNow()).toEqual([]);

    expect((await ctl.post('/apis/v1/cluster/maintenance/set')).code).toBe(200);
    expect(await hostsNow()).toEqual([host('h1', 32001)]);
  });
});
