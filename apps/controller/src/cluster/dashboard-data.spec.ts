import { ApplicationAggregate, ApplicationSpecJson, ExecutorNodeDataJson, TaskInfoJson } from '@drove/domain';
import { minimalApplicationSpecJson } from '@drove/domain/testing/spec-fixtures';
import { FakeExecutor } from '../testing/fake-executor';
import { clusterSummary } from './cluster-summary';
import { dashboardData, utilizationStats } from './dashboard-data';

const NOW = 1_700_000_000_000;

/** One NUMA node of 4 cores and 4096 MB, `usedCores` and `usedMb` of them in use. */
const executor = (
  id: string,
  usedCores: number,
  usedMb: number,
  state: ExecutorNodeDataJson['executorState'],
) => {
  const data = new FakeExecutor(id, `host-${id}`).nodeData();
  const cores = [0, 1, 2, 3];
  return {
    ...data,
    executorState: state,
    state: {
      ...data.state,
      cpus: {
        type: 'CPU',
        freeCores: { '0': cores.slice(usedCores) },
        usedCores: { '0': cores.slice(0, usedCores) },
      },
      memory: { type: 'MEMORY', freeMemory: { '0': 4096 - usedMb }, usedMemory: { '0': usedMb } },
    },
  } as ExecutorNodeDataJson;
};

const app = (name: string, instances: number, cpus: number, memoryMb: number, state = 'RUNNING') =>
  ({
    appId: `${name}-1`,
    state,
    instances,
    cancelRequested: false,
    created: NOW,
    updated: NOW,
    spec: {
      ...minimalApplicationSpecJson(),
      name,
      resources: [
        { type: 'CPU', count: cpus },
        { type: 'MEMORY', sizeInMB: memoryMb },
      ],
    } as ApplicationSpecJson,
  }) as ApplicationAggregate;

const task = (taskId: string, state: TaskInfoJson['state'], created: number) =>
  ({ sourceAppName: 'src', taskId, state, created, updated: created }) as TaskInfoJson;

describe('dashboardData', () => {
  const executors = [
    executor('e1', 1, 1024, 'ACTIVE'),
    executor('e2', 3, 1024, 'ACTIVE'),
    executor('e3', 0, 0, 'BLACKLISTED'),
  ];
  const apps = [
    app('small', 1, 1, 64),
    app('cpu-heavy', 2, 2, 64),
    app('memory-heavy', 1, 1, 6144),
    app('idle', 0, 1, 64, 'MONITORING'),
    ...['a', 'b', 'c'].map((n) => app(n, 1, 1, 2048)),
  ];
  const summary = clusterSummary({ leaderBaseUrl: 'http://ctl:4000', state: 'NORMAL', executors, apps });
  const data = dashboardData({
    summary,
    apps: apps.map((a, i) => ({ app: a, healthyInstances: i === 0 ? 1 : 0 })),
    tasks: [task('t1', 'RUNNING', 30), task('t2', 'STOPPED', 10), task('t3', 'PENDING', 20)],
    executors,
    now: NOW,
  });

  it('ranks the five apps with instances by their dominant share of the cluster', () => {
    expect(data.appStats.topApps.map((a) => a.name)).toEqual(['memory-heavy', 'cpu-heavy', 'a', 'b', 'c']);
  });

  it('counts apps, tasks and executors in every state, zeros included', () => {
    expect(data.appStats.appCountByState).toMatchObject({ RUNNING: 6, MONITORING: 1, DESTROYED: 0 });
    expect(data.appStats.totalHealthyInstances).toBe(1);
    expect(data.taskStats.taskCountByState).toMatchObject({ RUNNING: 1, STOPPED: 1, PENDING: 1, LOST: 0 });
    expect(data.executorStats.executorCountByState).toEqual({
      ...Object.fromEntries(Object.keys(data.executorStats.executorCountByState).map((s) => [s, 0])),
      ACTIVE: 2,
      BLACKLISTED: 1,
    });
  });

  it('lists unfinished tasks, oldest first', () => {
    expect(data.taskStats.topTasks.map((t) => t.taskId)).toEqual(['t3', 't1']);
  });

  it('carries the cluster summary and the time it was made', () => {
    expect(data.clusterSummary).toBe(summary);
    expect(data.generatedAt).toBe(NOW);
  });
});

describe('utilizationStats', () => {
  it('takes each executor at its most used resource and scores the spread', () => {
    // dominant utilizations 0.5 (memory), 0.75 (cores), 0
    const stats = utilizationStats([
      executor('e1', 1, 2048, 'ACTIVE'),
      executor('e2', 3, 0, 'ACTIVE'),
      executor('e3', 0, 0, 'ACTIVE'),
    ]);
    const mean = 1.25 / 3;
    const sd = Math.sqrt(((0.5 - mean) ** 2 + (0.75 - mean) ** 2 + mean ** 2) / 3);
    expect(stats.averageUtilization).toBeCloseTo(mean, 10);
    expect(stats.highestUtilization).toBe(0.75);
    expect(stats.lowestUtilization).toBe(0);
    expect(stats.balanceScore).toBeCloseTo(sd / mean, 10);
  });

  it('calls an idle or empty cluster balanced', () => {
    expect(utilizationStats([]).balanceScore).toBe(0);
    expect(utilizationStats([executor('e1', 0, 0, 'ACTIVE')])).toEqual({
      averageUtilization: 0,
      highestUtilization: 0,
      lowestUtilization: 0,
      balanceScore: 0,
    });
  });
});
