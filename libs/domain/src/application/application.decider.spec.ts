import { givenFor } from '../../testing/decider-harness';
import {
  APP_ID,
  COMMAND_FOR,
  HISTORY_FOR,
  T0,
  appSpec,
  completed,
  created,
  opSpec,
  scalingRequested,
} from '../../testing/application-builders';
import { applicationDecider } from './application.decider';
import { CompleteApplicationOperationCommand } from './commands';
import { applicationEvent as ev } from './events';
import { planScale } from './scale-plan';

const given = givenFor(applicationDecider);
const at = T0 + 1;
const complete = (
  outcome: CompleteApplicationOperationCommand['outcome'],
  healthyInstances: number,
  error?: string,
): CompleteApplicationOperationCommand => ({
  type: 'CompleteApplicationOperation',
  appId: APP_ID,
  outcome,
  healthyInstances,
  ...(error ? { error } : {}),
  at,
});

describe('application decider', () => {
  describe('CREATE', () => {
    const create = (instances: number) =>
      ({ type: 'CreateApplication', spec: appSpec(), instances, opSpec: opSpec(), at: T0 }) as const;

    it('with instances > 0 asks for them at once (Drove waits for its monitor)', () => {
      const s = given().when(create(2)).then(created(2), scalingRequested(2));
      expect(s).toMatchObject({ state: 'SCALING_REQUESTED', instances: 2, appId: APP_ID, created: T0 });
    });

    it('with 0 instances goes to MONITORING', () => {
      const s = given()
        .when(create(0))
        .then(created(0), completed('CREATE', 'MONITORING', 0));
      expect(s.state).toBe('MONITORING');
    });

    it('derives the app id from name-version', () => {
      expect(given().when(create(0)).thenEvents()[0].data).toMatchObject({ appId: 'mini-1' });
    });

    it('can re-create a destroyed app', () => {
      given(...HISTORY_FOR.DESTROYED())
        .when(create(1))
        .then(created(1), scalingRequested(1));
    });

    it('stores the spec in wire form (durations as strings)', () => {
      const spec = {
        ...appSpec(),
        executable: { type: 'DOCKER', url: 'x', dockerPullTimeout: { toJSON: () => '1 minute' } },
      };
      const events = given()
        .when({ ...create(0), spec: spec as never })
        .thenEvents();
      expect(events[0].data).toMatchObject({ spec: { executable: { dockerPullTimeout: '1 minute' } } });
    });
  });

  describe('operations from RUNNING', () => {
    const running = HISTORY_FOR.RUNNING();

    it('START_INSTANCES n scales to healthy + n', () => {
      given(...running)
        .when(COMMAND_FOR.START_INSTANCES())
        .then(scalingRequested(3, at));
    });

    it('SCALE sets the expected count', () => {
      expect(
        given(...running)
          .when(COMMAND_FOR.SCALE_INSTANCES())
          .then(scalingRequested(3, at)).instances,
      ).toBe(3);
    });

    it('SUSPEND scales to 0', () => {
      given(...running)
        .when(COMMAND_FOR.SUSPEND())
        .then(scalingRequested(0, at));
    });

    it('RECOVER passes OUTAGE_DETECTED and rescales to the expected count', () => {
      const s = given(...running)
        .when(COMMAND_FOR.RECOVER())
        .then(ev('ApplicationOutageDetected', { appId: APP_ID, at }), scalingRequested(2, at));
      expect(s.state).toBe('SCALING_REQUESTED');
    });

    it('STOP_INSTANCES records the ids and skipRespawn', () => {
      given(...running)
        .when({ ...COMMAND_FOR.STOP_INSTANCES(), skipRespawn: true } as never)
        .then(
          ev('ApplicationInstancesStopRequested', {
            appId: APP_ID,
            instanceIds: ['AI-1'],
            skipRespawn: true,
            opSpec: opSpec(),
            at,
          }),
        );
    });

    it('STOP_INSTANCES rejects ids that are not active, with Drove message', () => {
      given(...running)
        .when({ ...COMMAND_FOR.STOP_INSTANCES(), instanceIds: ['AI-1', 'AI-9', 'AI-8'] } as never)
        .thenFails(`App ${APP_ID} does not have any instances with the following ids: AI-9,AI-8`, 'INVALID');
    });

    it('REPLACE_INSTANCES without ids replaces every healthy instance', () => {
      given(...running)
        .when(COMMAND_FOR.REPLACE_INSTANCES())
        .then(
          ev('ApplicationInstancesReplaceRequested', {
            appId: APP_ID,
            instanceIds: ['AI-1', 'AI-2'],
            stopFirst: false,
            opSpec: opSpec(),
            at,
          }),
        );
    });

    it('REPLACE_INSTANCES with ids that are not healthy fails with Drove message', () => {
      given(...running)
        .when({ ...COMMAND_FOR.REPLACE_INSTANCES(), instanceIds: ['AI-1', 'AI-7'] } as never)
        .thenFails('There are no replaceable healthy instances with ids: [AI-7]', 'INVALID');
    });
  });

  describe('SCALE while scaling re-targets instead of being dropped', () => {
    it('the later target wins and the state stays SCALING_REQUESTED', () => {
      const s = given(...HISTORY_FOR.SCALING_REQUESTED())
        .when({ ...COMMAND_FOR.SCALE_INSTANCES(), requiredInstances: 5 } as never)
        .then(scalingRequested(5, at));
      expect(s).toMatchObject({ state: 'SCALING_REQUESTED', instances: 5 });
    });
  });

  describe('completion of the running operation', () => {
    const completedWith = (
      operation: string,
      outcome: CompleteApplicationOperationCommand['outcome'],
      state: 'RUNNING' | 'MONITORING',
      instances: number,
      error?: string,
    ) =>
      ev('ApplicationOperationCompleted', {
        appId: APP_ID,
        operation,
        outcome,
        state,
        instances,
        ...(error ? { error } : {}),
        at,
      });

    it.each([
      [
        'scale up done',
        HISTORY_FOR.SCALING_REQUESTED(),
        complete('SUCCEEDED', 2),
        completedWith('SCALE_INSTANCES', 'SUCCEEDED', 'RUNNING', 2),
      ],
      [
        'suspend done',
        [...HISTORY_FOR.RUNNING(), scalingRequested(0)],
        complete('SUCCEEDED', 0),
        completedWith('SCALE_INSTANCES', 'SUCCEEDED', 'MONITORING', 0),
      ],
      [
        'scale cancelled keeps what it reached',
        HISTORY_FOR.SCALING_REQUESTED(),
        complete('CANCELLED', 1),
        completedWith('SCALE_INSTANCES', 'CANCELLED', 'RUNNING', 1),
      ],
      [
        'scale failed keeps the target, records the error',
        HISTORY_FOR.SCALING_REQUESTED(),
        complete('FAILED', 0, 'no capacity'),
        completedWith('SCALE_INSTANCES', 'FAILED', 'MONITORING', 2, 'no capacity'),
      ],
      [
        'stop without respawn skip keeps the count',
        HISTORY_FOR.STOP_INSTANCES_REQUESTED(),
        complete('SUCCEEDED', 1),
        completedWith('STOP_INSTANCES', 'SUCCEEDED', 'RUNNING', 2),
      ],
      [
        'replace done',
        HISTORY_FOR.REPLACE_INSTANCES_REQUESTED(),
        complete('SUCCEEDED', 2),
        completedWith('REPLACE_INSTANCES', 'SUCCEEDED', 'RUNNING', 2),
      ],
      [
        'replace left nothing healthy',
        HISTORY_FOR.REPLACE_INSTANCES_REQUESTED(),
        complete('FAILED', 0, 'AI-1 stopped, its replacement failed'),
        completedWith('REPLACE_INSTANCES', 'FAILED', 'MONITORING', 2, 'AI-1 stopped, its replacement failed'),
      ],
      [
        'replace whose new instance failed keeps the old one RUNNING',
        HISTORY_FOR.REPLACE_INSTANCES_REQUESTED(),
        complete('FAILED', 2, 'AI-1 kept, its replacement failed'),
        completedWith('REPLACE_INSTANCES', 'FAILED', 'RUNNING', 2, 'AI-1 kept, its replacement failed'),
      ],
      [
        'stop refused by the executor keeps the count',
        HISTORY_FOR.STOP_INSTANCES_REQUESTED(),
        complete('FAILED', 2, 'AI-1: stop not accepted'),
        completedWith('STOP_INSTANCES', 'FAILED', 'RUNNING', 2, 'AI-1: stop not accepted'),
      ],
      [
        'destroy failed',
        HISTORY_FOR.DESTROY_REQUESTED(),
        complete('FAILED', 0, 'AI-1 did not stop'),
        completedWith('DESTROY', 'FAILED', 'MONITORING', 0, 'AI-1 did not stop'),
      ],
    ])('%s', (_name, history, command, expected) => {
      given(...history)
        .when(command)
        .then(expected);
    });

    it.each([undefined, '  '])('refuses a FAILED outcome with error %p: the log must say why', (error) => {
      given(...HISTORY_FOR.REPLACE_INSTANCES_REQUESTED())
        .when(complete('FAILED', 2, error))
        .thenFails('A FAILED outcome needs an error message', 'INVALID');
    });

    it('refuses a scale success short of a target that a later SCALE raised', () => {
      given(...HISTORY_FOR.SCALING_REQUESTED(), scalingRequested(3, at))
        .when(complete('SUCCEEDED', 2))
        .thenFails(`Scaling of app ${APP_ID} to 3 instances is not done: 2 healthy`, 'NOT_ALLOWED');
    });

    it('stop with skipRespawn lowers the expected count, to MONITORING at 0', () => {
      const stopAll = ev('ApplicationInstancesStopRequested', {
        appId: APP_ID,
        instanceIds: ['AI-1', 'AI-2'],
        skipRespawn: true,
        opSpec: opSpec(),
        at: T0,
      });
      given(...HISTORY_FOR.RUNNING(), stopAll)
        .when(complete('SUCCEEDED', 0))
        .then(completedWith('STOP_INSTANCES', 'SUCCEEDED', 'MONITORING', 0));
    });

    it.each([
      ['SUCCEEDED', undefined, undefined, 'MONITORING', 0],
      ['FAILED', 'AI-2: stop not accepted', 1, 'RUNNING', 1],
      ['CANCELLED', undefined, 1, 'RUNNING', 1],
    ] as const)(
      'stop of 2 with skipRespawn %s, %p left running -> %s with %p expected',
      (outcome, error, instancesLeftRunning, state, instances) => {
        const stopBoth = ev('ApplicationInstancesStopRequested', {
          appId: APP_ID,
          instanceIds: ['AI-1', 'AI-2'],
          skipRespawn: true,
          opSpec: opSpec(),
          at: T0,
        });
        given(...HISTORY_FOR.RUNNING(), stopBoth)
          .when({ ...complete(outcome, instances, error), instancesLeftRunning })
          .then(completedWith('STOP_INSTANCES', outcome, state, instances, error));
      },
    );

    it('destroy done ends in DESTROYED', () => {
      const s = given(...HISTORY_FOR.DESTROY_REQUESTED())
        .when(complete('SUCCEEDED', 0))
        .then(ev('ApplicationDestroyed', { appId: APP_ID, at }));
      expect(s.state).toBe('DESTROYED');
    });

    it.each(['MONITORING', 'RUNNING', 'ABSENT'] as const)('is refused in %s', (state) => {
      given(...HISTORY_FOR[state]())
        .when(complete('SUCCEEDED', 0))
        .thenFails(`No operation in progress for app ${APP_ID}`, 'NOT_ALLOWED');
    });
  });

  describe('DESTROY from the stale-data cleaner (staleBefore)', () => {
    const destroy = (staleBefore: number) => ({ ...COMMAND_FOR.DESTROY(), staleBefore });

    it('given an app suspended before the cutoff, when DESTROY, then it is requested as any DESTROY', () => {
      given(...HISTORY_FOR.MONITORING())
        .when(destroy(T0 + 1))
        .then(ev('ApplicationDestroyRequested', { appId: APP_ID, opSpec: opSpec(), at }));
    });

    it('given an app changed at or after the cutoff, when DESTROY, then it is refused and kept', () => {
      given(...HISTORY_FOR.MONITORING())
        .when(destroy(T0))
        .thenFails(`App ${APP_ID} changed at ${T0}, not stale`, 'NOT_ALLOWED');
    });

    it('given a RUNNING app, when DESTROY, then the state table still refuses it', () => {
      given(...HISTORY_FOR.RUNNING())
        .when(destroy(T0 + 1))
        .thenFails(
          `Only [RECOVER, REPLACE_INSTANCES, SCALE_INSTANCES, START_INSTANCES, STOP_INSTANCES, SUSPEND] allowed for app ${APP_ID} as it is in RUNNING state`,
          'NOT_ALLOWED',
        );
    });
  });

  describe('cancel', () => {
    const cancel = { type: 'CancelApplicationOperation', appId: APP_ID, at } as const;

    it.each([
      'SCALING_REQUESTED',
      'STOP_INSTANCES_REQUESTED',
      'REPLACE_INSTANCES_REQUESTED',
      'DESTROY_REQUESTED',
    ] as const)('is accepted in %s', (state) => {
      const s = given(...HISTORY_FOR[state]())
        .when(cancel)
        .then(ev('ApplicationOperationCancelRequested', { appId: APP_ID, at }));
      expect(s).toMatchObject({ state, cancelRequested: true });
    });

    it.each(['ABSENT', 'INIT', 'MONITORING', 'RUNNING', 'DESTROYED'] as const)(
      'is refused in %s',
      (state) => {
        given(...HISTORY_FOR[state]())
          .when(cancel)
          .thenFails('Current operation could not be cancelled');
      },
    );

    it('is refused twice', () => {
      given(
        ...HISTORY_FOR.SCALING_REQUESTED(),
        ev('ApplicationOperationCancelRequested', { appId: APP_ID, at }),
      )
        .when(cancel)
        .thenFails('Current operation could not be cancelled');
    });
  });
});

describe('planScale', () => {
  const inst = (instanceId: string, created: number, state = 'HEALTHY' as const) => ({
    instanceId,
    created,
    state,
  });

  it('starts the shortfall', () => {
    expect(planScale(3, [inst('a', 1)])).toEqual({ toStart: 2, toStop: [] });
  });

  it('stops the oldest first, ties by id', () => {
    expect(planScale(1, [inst('c', 5), inst('b', 1), inst('a', 1)])).toEqual({
      toStart: 0,
      toStop: ['a', 'b'],
    });
  });

  it('ignores instances that no longer count', () => {
    expect(planScale(1, [inst('a', 1), { instanceId: 'x', created: 0, state: 'STOPPING' }])).toEqual({
      toStart: 0,
      toStop: [],
    });
  });

  it('counts starting instances, so it does not start twice', () => {
    expect(planScale(2, [inst('a', 1), { instanceId: 'b', created: 2, state: 'PENDING' }])).toEqual({
      toStart: 0,
      toStop: [],
    });
  });
});
