import { ExecutorNodeDataJson } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ExecutorRegistry } from '../executors/executor-registry';
import { FakeExecutor } from '../testing/fake-executor';
import { startTestController, TestController } from '../testing/test-controller';
import { ELECTION_UNDERWAY, clusterSummary } from './cluster-summary';
import { DashboardData } from './dashboard-data';

const NOW = 1_700_000_000_000;

// Two NUMA nodes: 6 cores free and 2 used, 6144 MB free and 2048 MB used in all.
const executorData = (id: string, state: ExecutorNodeDataJson['executorState']): ExecutorNodeDataJson => {
  const data = new FakeExecutor(id, `host-${id}`).nodeData();
  return {
    ...data,
    executorState: state,
    state: {
      ...data.state,
      cpus: { type: 'CPU', freeCores: { '0': [0, 1, 2], '1': [4, 5, 6] }, usedCores: { '0': [3], '1': [7] } },
      memory: { type: 'MEMORY', freeMemory: { '0': 4096, '1': 2048 }, usedMemory: { '0': 0, '1': 2048 } },
    },
  };
};

describe('GET /apis/v1/cluster', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(NOW, undefined, undefined, false);
  });
  afterEach(() => ctl.app.close());

  it('summarises the leader, state, apps and the ACTIVE executors only', async () => {
    const registry = ctl.app.get(ExecutorRegistry);
    registry.update(executorData('e1', 'ACTIVE'));
    registry.update(executorData('e2', 'ACTIVE'));
    registry.update(executorData('e3', 'BLACKLISTED'));
    const create = (instances: number) =>
      ctl.post('/apis/v1/applications/operations', {
        type: 'CREATE',
        spec: { ...minimalApplicationSpecJson(), name: `app${instances}` },
        instances,
        opSpec: opSpecJson(),
      });
    expect((await create(1)).code).toBe(200);
    expect((await create(0)).code).toBe(200);
    expect((await ctl.post('/apis/v1/cluster/maintenance/set')).code).toBe(200);

    expect(await ctl.get('/apis/v1/cluster')).toEqual({
      code: 200,
      body: {
        status: 'SUCCESS',
        data: {
          leader: 'ctl-test:4000',
          state: 'MAINTENANCE',
          numExecutors: 2,
          numApplications: 2,
          numActiveApplications: 1,
          numActiveTasks: 0,
          numLocalServices: 0,
          numActiveLocalServices: 0,
          freeCores: 12,
          usedCores: 4,
          totalCores: 16,
          freeMemory: 12288,
          usedMemory: 4096,
          totalMemory: 16384,
        },
        message: 'success',
      },
    });
  });

  it('serves the dashboard from the same view and registry', async () => {
    const registry = ctl.app.get(ExecutorRegistry);
    registry.update(executorData('e1', 'ACTIVE'));
    registry.update(executorData('e3', 'BLACKLISTED'));
    const created = await ctl.post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec: minimalApplicationSpecJson(),
      instances: 1,
      opSpec: opSpecJson(),
    });
    expect(created.code).toBe(200);

    const { code, body } = await ctl.get('/apis/v1/cluster/dashboard');
    expect(code).toBe(200);
    const data = (body as { data: DashboardData }).data;
    expect(data.clusterSummary).toMatchObject({ numExecutors: 1, numApplications: 1, totalCores: 8 });
    expect(data.appStats.topApps.map((a) => a.name)).toEqual(['mini']);
    expect(data.executorStats.executorCountByState).toMatchObject({ ACTIVE: 1, BLACKLISTED: 1 });
    expect(data.executorStats.utilization).toEqual({
      averageUtilization: 0.25,
      highestUtilization: 0.25,
      lowestUtilization: 0.25,
      balanceScore: 0,
    });
    expect(data.generatedAt).toBe(NOW);
  });

  it('names no leader during an election', () => {
    const summary = clusterSummary({ leaderBaseUrl: null, state: 'NORMAL', executors: [], apps: [] });
    expect(summary).toMatchObject({
      leader: ELECTION_UNDERWAY,
      numExecutors: 0,
      totalCores: 0,
      totalMemory: 0,
    });
  });
});
