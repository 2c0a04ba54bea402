import { givenFor } from '../../testing/decider-harness';
import { TASK_INSTANCE_ID, taskInfo, taskOpSpec, taskSpec } from '../../testing/task-builders';
import { taskEvent as ev } from './events';
import { taskDecider } from './task.decider';
import { TASK_STATES, TASK_TRANSITIONS, TaskState, canStopTask, canTransitionTask } from './task-state';

const given = givenFor(taskDecider);
const RUN_ID = 'test-app-T0001';
const createdEvent = ev('TaskCreated', {
  taskRunId: RUN_ID,
  instanceId: TASK_INSTANCE_ID,
  spec: taskSpec(),
  opSpec: taskOpSpec(),
  at: 1,
});
const changed = (state: TaskState, updated: number, previousState?: TaskState) =>
  ev('TaskStateChanged', {
    info: taskInfo(state, updated),
    ...(previousState ? { previousState } : {}),
    at: updated,
  });
const kill = {
  type: 'KillTask',
  sourceAppName: 'test-app',
  taskId: 'T0001',
  opSpec: taskOpSpec(),
  at: 50,
} as const;
const del = { type: 'DeleteTask', sourceAppName: 'test-app', taskId: 'T0001', at: 60 } as const;

describe('task state machine table (Drove section 3.3)', () => {
  const allowed = TASK_STATES.flatMap((from) => TASK_TRANSITIONS[from].map((to) => [from, to] as const));
  it.each(allowed)('%s -> %s is allowed', (from, to) => {
    expect(canTransitionTask(from, to)).toBe(true);
  });

  it.each([
    ['STOPPED', 'RUNNING'],
    ['RUNNING', 'PENDING'],
    ['LOST', 'LOST'],
  ] as const)('%s -> %s is not', (from, to) => {
    expect(canTransitionTask(from, to)).toBe(false);
  });

  it.each(TASK_STATES)('stop accepted in %s only while RUNNING', (state) => {
    expect(canStopTask(state)).toBe(state === 'RUNNING');
  });
});

describe('task decider', () => {
  it('CREATE records the task under source-taskId', () => {
    const s = given()
      .when({
        type: 'CreateTask',
        spec: taskSpec(),
        opSpec: taskOpSpec(),
        instanceId: TASK_INSTANCE_ID,
        at: 1,
      })
      .then(createdEvent);
    expect(s).toMatchObject({ taskRunId: RUN_ID, sourceAppName: 'test-app', taskId: 'T0001' });
  });

  it('CREATE of an existing task fails with Drove message', () => {
    given(createdEvent)
      .when({ type: 'CreateTask', spec: taskSpec(), opSpec: taskOpSpec(), instanceId: 'TI-2', at: 2 })
      .thenFails(`Task already exists for test-app/T0001 with taskID: ${RUN_ID}`, 'CONFLICT');
  });

  it('CREATE after delete starts afresh', () => {
    given(createdEvent, changed('STOPPED', 5), ev('TaskDeleted', { taskRunId: RUN_ID, at: 6 }))
      .when({
        type: 'CreateTask',
        spec: taskSpec(),
        opSpec: taskOpSpec(),
        instanceId: TASK_INSTANCE_ID,
        at: 1,
      })
      .then(createdEvent);
  });

  it.each([
    ['PENDING', 'PROVISIONING'],
    ['PROVISIONING', 'STARTING'],
    ['STARTING', 'RUNNING'],
    ['RUNNING', 'RUN_COMPLETED'],
    ['RUN_COMPLETED', 'DEPROVISIONING'],
    ['DEPROVISIONING', 'STOPPED'],
    ['STARTING', 'RUN_FAILED'],
  ] as const)('report %s -> %s is a state change', (from, to) => {
    given(createdEvent, changed(from, 10))
      .when({ type: 'RecordTaskState', info: taskInfo(to, 11), at: 11 })
      .then(changed(to, 11, from));
  });

  it('ignores older and same-state reports', () => {
    given(createdEvent, changed('RUNNING', 10))
      .when({ type: 'RecordTaskState', info: taskInfo('STARTING', 9), at: 11 })
      .then();
    given(createdEvent, changed('RUNNING', 10))
      .when({ type: 'RecordTaskState', info: taskInfo('RUNNING', 12), at: 12 })
      .then();
  });

  it("records the spec's executable, not the executor's rebuilt one (a duration keeps its unit)", () => {
    const rebuilt = {
      type: 'DOCKER',
      url: 'drove-test/task:latest',
      dockerPullTimeout: '100000 milliseconds',
    };
    given(createdEvent)
      .when({ type: 'RecordTaskState', info: taskInfo('RUNNING', 11, { executable: rebuilt }), at: 11 })
      .then(ev('TaskStateChanged', { info: taskInfo('RUNNING', 11), at: 11 }));
  });

  it('refuses reports after STOPPED', () => {
    given(createdEvent, changed('STOPPED', 10))
      .when({ type: 'RecordTaskState', info: taskInfo('RUNNING', 11), at: 11 })
      .thenFails('Task test-app/T0001 has already stopped');
  });

  it.each([undefined, 'PENDING', 'RUNNING'] as const)('KILL is accepted while the task is %s', (state) => {
    const history = state ? [createdEvent, changed(state, 10)] : [createdEvent];
    const s = given(...history)
      .when(kill)
      .then(
        ev('TaskKillRequested', {
          taskRunId: RUN_ID,
          instanceId: TASK_INSTANCE_ID,
          ...(state ? { executorId: 'exec-1' } : {}),
          at: 50,
        }),
      );
    expect(s.killRequested).toBe(true);
  });

  it('a second KILL is a no-op', () => {
    given(createdEvent, ev('TaskKillRequested', { taskRunId: RUN_ID, instanceId: TASK_INSTANCE_ID, at: 5 }))
      .when(kill)
      .then();
  });

  it.each([
    ['unknown', []],
    ['stopped', [createdEvent, changed('STOPPED', 10)]],
    ['lost', [createdEvent, changed('LOST', 10)]],
  ])('KILL of a %s task fails with Drove message', (_name, history) => {
    given(...history)
      .when(kill)
      .thenFails('Either task does not exist or has already finished for test-app/T0001', 'NOT_FOUND');
  });

  const stale = (at: number, lastHeardAt = 0) =>
    ({
      type: 'MarkStaleTaskLost',
      sourceAppName: 'test-app',
      taskId: 'T0001',
      lastHeardAt,
      stalenessMs: 60,
      at,
    }) as const;
  const lostAt = (at: number, previousState: TaskState) =>
    ev('TaskStateChanged', {
      info: taskInfo('LOST', at, {
        taskResult: { status: 'LOST', exitCode: -1 },
        errorMessage: 'Instance lost',
      }),
      previousState,
      at,
    });

  it.each(['PENDING', 'RUNNING', 'UNKNOWN', 'RUN_FAILED'] as const)(
    'marks a %s task not heard of for longer than the staleness LOST, result {LOST, -1}',
    (state) => {
      given(createdEvent, changed(state, 10)).when(stale(71)).then(lostAt(71, state));
    },
  );

  it.each([
    ['its last change is recent', 70, 0],
    ['a snapshot listed it recently', 200, 150],
  ])('leaves a task alone when %s', (_name, at, lastHeardAt) => {
    given(createdEvent, changed('RUNNING', 10)).when(stale(at, lastHeardAt)).then();
  });

  it('counts a kill request as its last change', () => {
    given(
      createdEvent,
      changed('RUNNING', 10),
      ev('TaskKillRequested', { taskRunId: RUN_ID, instanceId: TASK_INSTANCE_ID, at: 50 }),
    )
      .when(stale(100))
      .then();
  });

  it.each([
    ['stopped', [createdEvent, changed('STOPPED', 10)]],
    ['lost', [createdEvent, changed('LOST', 10)]],
    ['never placed', [createdEvent]],
  ])('marking a %s task stale is a no-op', (_name, history) => {
    given(...history)
      .when(stale(1000))
      .then();
  });

  it('records a newer report after a stale LOST: its executor came back (as for app instances)', () => {
    given(createdEvent, changed('RUNNING', 10), lostAt(71, 'RUNNING'))
      .when({ type: 'RecordTaskState', info: taskInfo('RUNNING', 80), at: 80 })
      .then(ev('TaskStateChanged', { info: taskInfo('RUNNING', 80), previousState: 'LOST', at: 80 }));
  });

  it('a task marked LOST can be deleted and created again', () => {
    given(createdEvent, changed('RUNNING', 10), lostAt(71, 'RUNNING'))
      .when(del)
      .then(ev('TaskDeleted', { taskRunId: RUN_ID, at: 60 }));
    given(createdEvent, changed('RUNNING', 10), lostAt(71, 'RUNNING'))
      .when(kill)
      .thenFails('Either task does not exist or has already finished for test-app/T0001', 'NOT_FOUND');
  });

  it.each([
    ['stopped', [createdEvent, changed('STOPPED', 10)]],
    ['never reported', [createdEvent]],
  ])('DELETE of a %s task removes it', (_name, history) => {
    given(...history)
      .when(del)
      .then(ev('TaskDeleted', { taskRunId: RUN_ID, at: 60 }));
  });

  it.each([
    ['unknown', []],
    ['running', [createdEvent, changed('RUNNING', 10)]],
  ])('DELETE of a %s task fails', (_name, history) => {
    given(...history)
      .when(del)
      .thenFails('Could not delete test-app/T0001');
  });
});
