import { ExecutorNodeDataJson } from '@drove/domain';
import {
  localServiceSpecJson,
  minimalApplicationSpecJson,
  opSpecJson,
} from '@drove/domain/testing/spec-fixtures';
import { EXECUTOR_HEADERS, FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { ExecutorRegistry } from './executor-registry';

const NOW = 1_700_000_000_000;
const EXECUTOR = 'exec-1-id';
const BASE = `/apis/v1/internal/cluster/executors/${EXECUTOR}/instances`;

const appInstance = (appId: string, instanceId: string) => ({ appId, instanceId });
const taskInstance = (taskId: string, instanceId: string) => ({ sourceAppName: 'batch', taskId, instanceId });
const serviceInstance = (serviceId: string, instanceId: string) => ({ serviceId, instanceId });

/** What the executor reports running: only the ids matter to the answer. */
const nodeData = (): ExecutorNodeDataJson =>
  ({
    ...new FakeExecutor(EXECUTOR, 'host-1').nodeData(),
    instances: [
      appInstance('app2-1', 'AI-kept'),
      appInstance('app0-1', 'AI-zero'),
      appInstance('gone-1', 'AI-gone'),
    ],
    tasks: [taskInstance('T1', 'TI-kept'), taskInstance('T-gone', 'TI-gone')],
    serviceInstances: [
      serviceInstance('test-service-1', 'SI-1'),
      serviceInstance('gone-service-1', 'SI-gone'),
      serviceInstance('test-service-1', 'SI-2'),
      serviceInstance('test-service-1', 'SI-3'),
    ],
  }) as unknown as ExecutorNodeDataJson;

const expected = {
  appInstanceIds: ['AI-kept'],
  staleAppInstanceIds: ['AI-zero', 'AI-gone'],
  taskInstanceIds: ['TI-kept'],
  staleTaskInstanceIds: ['TI-gone'],
  localServiceInstanceIds: ['SI-1', 'SI-2'],
  staleLocalServiceInstanceIds: ['SI-gone', 'SI-3'],
};

describe('known instances of an executor (internal API)', () => {
  let ctl: TestController;

  beforeAll(async () => {
    // no saga: only the records matter
    ctl = await startTestController(NOW, undefined, undefined, false);
    const created = async (path: string, body: Record<string, unknown>) =>
      expect((await ctl.post(path, { type: 'CREATE', opSpec: opSpecJson(), ...body })).code).toBe(200);
    const app = (instances: number) => ({
      ...minimalApplicationSpecJson(),
      name: `app${instances}`,
      version: '1',
    });
    await created('/apis/v1/applications/operations', { spec: app(2), instances: 2 });
    await created('/apis/v1/applications/operations', { spec: app(0), instances: 0 });
    const { devices: _devices, ...service } = localServiceSpecJson();
    await created('/apis/v1/localservices/operations', { spec: service, instancesPerHost: 2 });
    const task = {
      sourceAppName: 'batch',
      taskId: 'T1',
      executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
      resources: [
        { type: 'CPU', count: 1 },
        { type: 'MEMORY', sizeInMB: 64 },
      ],
    };
    ctl.app.get(ExecutorRegistry).update(nodeData());
    await created('/apis/v1/tasks/operations', { spec: task });
  });
  afterAll(() => ctl.app.close());

  const known = (which: 'last' | 'current', headers: Record<string, string> = EXECUTOR_HEADERS) =>
    ctl.get(`${BASE}/${which}`, headers);
  const ok = (data: unknown) => ({ code: 200, body: { status: 'SUCCESS', data, message: 'success' } });
  const none = {
    code: 200,
    body: { status: 'FAILED', message: `No data found for executor ${EXECUTOR}` },
  };

  it('sorts the live snapshot into wanted and stale ids; nothing for last while the executor is live', async () => {
    expect(await known('current')).toEqual(ok(expected));
    expect(await known('last')).toEqual(none);
  });

  it('answers last from the snapshot the executor had when it vanished, and current no more', async () => {
    ctl.app.get(ExecutorRegistry).remove(EXECUTOR, NOW);
    expect(await known('last')).toEqual(ok(expected));
    expect(await known('current')).toEqual(none);
  });

  it('is for cluster nodes only', async () => {
    expect((await known('current', {})).code).toBe(403);
  });
});
