import { planLocalServiceInstances } from './instance-plan';

const inst = (instanceId: string, executorId: string, created: number, state = 'HEALTHY' as const) => ({
  instanceId,
  executorId,
  created,
  state,
});
const executors = [
  { executorId: 'e1', schedulable: true },
  { executorId: 'e2', schedulable: true },
  { executorId: 'e3', schedulable: false },
];

describe('local service instance plan', () => {
  it('fills every schedulable executor up to instancesPerHost', () => {
    expect(planLocalServiceInstances('ACTIVE', 2, executors, [inst('a', 'e1', 1)])).toEqual({
      toStart: [
        { executorId: 'e1', count: 1 },
        { executorId: 'e2', count: 2 },
      ],
      toStop: [],
    });
  });

  it('stops the oldest surplus and everything on unschedulable executors', () => {
    const plan = planLocalServiceInstances('ACTIVE', 1, executors, [
      inst('new', 'e1', 5),
      inst('old', 'e1', 1),
      inst('b', 'e2', 1),
      inst('x', 'e3', 1),
    ]);
    expect(plan).toEqual({ toStart: [], toStop: ['x', 'old'] });
  });

  it('runs a single test instance while CONFIG_TESTING and none while INACTIVE', () => {
    expect(planLocalServiceInstances('CONFIG_TESTING', 3, executors, []).toStart).toEqual([
      { executorId: 'e1', count: 1 },
    ]);
    expect(
      planLocalServiceInstances('CONFIG_TESTING', 3, executors, [inst('a', 'e2', 1), inst('b', 'e1', 2)]),
    ).toEqual({
      toStart: [],
      toStop: ['a'],
    });
    expect(planLocalServiceInstances('CONFIG_TESTING', 3, executors, [inst('a', 'e2', 1)])).toEqual({
      toStart: [],
      toStop: [],
    });
    expect(planLocalServiceInstances('INACTIVE', 3, executors, [inst('a', 'e1', 1)])).toEqual({
      toStart: [],
      toStop: ['a'],
    });
  });

  it('ignores instances that no longer count', () => {
    expect(
      planLocalServiceInstances('ACTIVE', 1, executors.slice(0, 1), [
        { ...inst('s', 'e1', 1), state: 'STOPPED' },
      ]).toStart,
    ).toEqual([{ executorId: 'e1', count: 1 }]);
  });
});
