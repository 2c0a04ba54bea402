import { givenFor } from '../../testing/decider-harness';
import { LocalServiceSpecJson } from '../common/wire-types';
import {
  LOCAL_SERVICE_OPERATION_TYPES,
  LocalServiceOperationType,
} from '../operations/local-service-operation.dto';
import { localServiceSpecJson, opSpecJson } from '../testing/spec-fixtures';
import { RequestLocalServiceOperationCommand } from './commands';
import { LocalServiceEvent, localServiceEvent as ev } from './events';
import {
  ALLOWED_LOCAL_SERVICE_OPERATIONS,
  ActivationState,
  LOCAL_SERVICE_STATES,
  LocalServiceState,
  OPERATION_STATE,
} from './local-service-state';
import { localServiceDecider } from './local-service.decider';

const given = givenFor(localServiceDecider);
const ID = 'test-service-1';
const spec = () => localServiceSpecJson() as LocalServiceSpecJson;
type Op = Exclude<LocalServiceOperationType, 'CREATE'>;
const OPS = LOCAL_SERVICE_OPERATION_TYPES.filter((o): o is Op => o !== 'CREATE');

const created = ev('LocalServiceCreated', { serviceId: ID, spec: spec(), instancesPerHost: 1, at: 1 });
const requested = (operation: Op, state: LocalServiceState) =>
  ev('LocalServiceOperationRequested', { serviceId: ID, operation, state, details: {}, at: 2 });
const completed = (operation: string, state: ActivationState, instancesPerHost = 1): LocalServiceEvent =>
  ev('LocalServiceOperationCompleted', {
    serviceId: ID,
    operation,
    outcome: 'SUCCEEDED',
    state,
    instancesPerHost,
    at: 3,
  });
const active = [created, requested('ACTIVATE', 'ACTIVATION_REQUESTED'), completed('ACTIVATE', 'ACTIVE')];
const cancelAsked = ev('LocalServiceOperationCancelRequested', { serviceId: ID, at: 2 });
const parked = ev('LocalServiceEmergencyDeactivationRequested', {
  serviceId: ID,
  cancelledOperation: 'ADJUST_INSTANCES',
  at: 3,
});

const HISTORY: Partial<Record<LocalServiceState | 'ABSENT', LocalServiceEvent[]>> = {
  ABSENT: [],
  INACTIVE: [created],
  ACTIVE: active,
  CONFIG_TESTING: [
    created,
    requested('DEPLOY_TEST_INSTANCE', 'DEPLOYING_TEST_INSTANCE'),
    completed('DEPLOY_TEST_INSTANCE', 'CONFIG_TESTING'),
  ],
  EMERGENCY_DEACTIVATION_REQUESTED: [
    ...active,
    requested('ADJUST_INSTANCES', 'ADJUSTING_INSTANCES'),
    cancelAsked,
    parked,
  ],
  DESTROYED: [
    created,
    requested('DESTROY', 'DESTROY_REQUESTED'),
    ev('LocalServiceDestroyed', { serviceId: ID, at: 4 }),
  ],
};
for (const op of OPS) {
  HISTORY[OPERATION_STATE[op]] ??= [...active, requested(op, OPERATION_STATE[op])];
}

const operation = (
  op: Op,
  patch: Partial<RequestLocalServiceOperationCommand> = {},
): RequestLocalServiceOperationCommand => ({
  type: 'RequestLocalServiceOperation',
  serviceId: ID,
  operation: op,
  at: 10,
  ...patch,
});

describe('local service state x operation matrix (Drove section 3.5)', () => {
  const states = LOCAL_SERVICE_STATES.filter((s) => HISTORY[s] && s !== 'DESTROYED');
  const cells = states.flatMap((state) => OPS.map((op) => [state, op] as const));

  it.each(cells)('in %s, %s', (state, op) => {
    const when = given(...(HISTORY[state] ?? [])).when(operation(op));
    const allowed = ALLOWED_LOCAL_SERVICE_OPERATIONS[state];
    if (allowed.includes(op)) {
      when.then(
        ev('LocalServiceOperationRequested', {
          serviceId: ID,
          operation: op,
          state: OPERATION_STATE[op],
          details: {},
          at: 10,
        }),
      );
    } else if (allowed.length === 0) {
      when.thenFails(`No operations allowed for ${ID} as it is in ${state} state`, 'NOT_ALLOWED');
    } else {
      when.thenFails(
        `Only [${[...allowed].sort().join(', ')}] allowed for local service ${ID} as it is in ${state} state`,
        'NOT_ALLOWED',
      );
    }
  });

  it.each(OPS)('%s on an unknown or destroyed service fails', (op) => {
    given().when(operation(op)).thenFails(`No state found for local service: ${ID}`, 'NOT_FOUND');
    given(...(HISTORY.DESTROYED ?? []))
      .when(operation(op))
      .thenFails(`No state found for local service: ${ID}`, 'NOT_FOUND');
  });
});

describe('local service decider', () => {
  it('CREATE records an INACTIVE service under name-version', () => {
    const s = given()
      .when({ type: 'CreateLocalService', spec: spec(), instancesPerHost: 1, at: 1 })
      .then(created);
    expect(s).toMatchObject({
      serviceId: ID,
      state: 'INACTIVE',
      activationState: 'INACTIVE',
      instancesPerHost: 1,
    });
  });

  it('CREATE of an existing service fails', () => {
    given(created)
      .when({ type: 'CreateLocalService', spec: spec(), instancesPerHost: 1, at: 1 })
      .thenFails(`Local service ${ID} already exists`, 'CONFLICT');
  });

  it('CREATE after destroy starts afresh', () => {
    given(...(HISTORY.DESTROYED ?? []))
      .when({ type: 'CreateLocalService', spec: spec(), instancesPerHost: 1, at: 1 })
      .then(created);
  });

  it('records the operation fields', () => {
    const e = given(...active)
      .when(operation('REPLACE_INSTANCES', { instanceIds: ['SI-1'], stopFirst: true, opSpec: opSpecJson() }))
      .thenEvents();
    expect(e[0].data).toMatchObject({
      details: { instanceIds: ['SI-1'], stopFirst: true, opSpec: opSpecJson() },
    });
  });

  const complete = (outcome: 'SUCCEEDED' | 'FAILED' | 'CANCELLED', error?: string) =>
    ({
      type: 'CompleteLocalServiceOperation',
      serviceId: ID,
      outcome,
      ...(error ? { error } : {}),
      at: 20,
    }) as const;
  const done = (
    operation: string,
    outcome: 'SUCCEEDED' | 'FAILED' | 'CANCELLED',
    state: ActivationState,
    instancesPerHost = 1,
  ) =>
    ev('LocalServiceOperationCompleted', {
      serviceId: ID,
      operation,
      outcome,
      state,
      instancesPerHost,
      ...(outcome === 'FAILED' ? { error: 'it broke' } : {}),
      at: 20,
    });

  it.each([
    [
      'activate',
      [created, requested('ACTIVATE', 'ACTIVATION_REQUESTED')],
      'SUCCEEDED',
      done('ACTIVATE', 'SUCCEEDED', 'ACTIVE'),
    ],
    [
      'failed activate',
      [created, requested('ACTIVATE', 'ACTIVATION_REQUESTED')],
      'FAILED',
      done('ACTIVATE', 'FAILED', 'INACTIVE'),
    ],
    [
      'deactivate',
      [...active, requested('DEACTIVATE', 'DEACTIVATION_REQUESTED')],
      'SUCCEEDED',
      done('DEACTIVATE', 'SUCCEEDED', 'INACTIVE'),
    ],
    [
      'config test',
      [created, requested('DEPLOY_TEST_INSTANCE', 'DEPLOYING_TEST_INSTANCE')],
      'SUCCEEDED',
      done('DEPLOY_TEST_INSTANCE', 'SUCCEEDED', 'CONFIG_TESTING'),
    ],
    [
      'replace',
      [...active, requested('REPLACE_INSTANCES', 'REPLACING_INSTANCES')],
      'SUCCEEDED',
      done('REPLACE_INSTANCES', 'SUCCEEDED', 'ACTIVE'),
    ],
    [
      'cancelled restart',
      [...active, requested('RESTART', 'REPLACING_INSTANCES')],
      'CANCELLED',
      done('RESTART', 'CANCELLED', 'ACTIVE'),
    ],
    [
      'cancelled adjust of an INACTIVE service',
      [created, requested('ADJUST_INSTANCES', 'ADJUSTING_INSTANCES'), cancelAsked],
      'CANCELLED',
      done('ADJUST_INSTANCES', 'CANCELLED', 'INACTIVE'),
    ],
    [
      'failed adjust of an ACTIVE service',
      [...active, requested('ADJUST_INSTANCES', 'ADJUSTING_INSTANCES')],
      'FAILED',
      done('ADJUST_INSTANCES', 'FAILED', 'ACTIVE'),
    ],
    [
      'failed destroy',
      [created, requested('DESTROY', 'DESTROY_REQUESTED')],
      'FAILED',
      done('DESTROY', 'FAILED', 'INACTIVE'),
    ],
  ] as const)('completes %s', (_name, history, outcome, expected) => {
    given(...history)
      .when(complete(outcome, outcome === 'FAILED' ? 'it broke' : undefined))
      .then(expected);
  });

  it('refuses a FAILED outcome without an error message', () => {
    given(...active, requested('REPLACE_INSTANCES', 'REPLACING_INSTANCES'))
      .when(complete('FAILED', ' '))
      .thenFails('A FAILED outcome needs an error message', 'INVALID');
  });

  it('an instance count update applies on success', () => {
    const update = ev('LocalServiceOperationRequested', {
      serviceId: ID,
      operation: 'UPDATE_INSTANCE_COUNT',
      state: 'UPDATING_INSTANCES_COUNT',
      details: { instancesPerHost: 3 },
      at: 2,
    });
    const s = given(...active, update)
      .when(complete('SUCCEEDED'))
      .then(done('UPDATE_INSTANCE_COUNT', 'SUCCEEDED', 'ACTIVE', 3));
    expect(s.instancesPerHost).toBe(3);
  });

  it('destroy completes to DESTROYED', () => {
    const s = given(created, requested('DESTROY', 'DESTROY_REQUESTED'))
      .when(complete('SUCCEEDED'))
      .then(ev('LocalServiceDestroyed', { serviceId: ID, at: 20 }));
    expect(s.state).toBe('DESTROYED');
  });

  it('completion without an operation is refused', () => {
    given(...active)
      .when(complete('SUCCEEDED'))
      .thenFails(`No operation in progress for local service ${ID}`);
  });

  describe('emergency deactivation (Drove: a cancelled ADJUST_INSTANCES on a service that runs instances)', () => {
    const adjusting = (history: LocalServiceEvent[]) => [
      ...history,
      requested('ADJUST_INSTANCES', 'ADJUSTING_INSTANCES'),
      cancelAsked,
    ];

    it.each([
      ['ACTIVE', active],
      ['CONFIG_TESTING', HISTORY.CONFIG_TESTING ?? []],
    ] as const)(
      'given %s, when the cancelled adjust completes, then the service is parked',
      (activation, history) => {
        const s = given(...adjusting([...history]))
          .when(complete('CANCELLED'))
          .then(ev('LocalServiceEmergencyDeactivationRequested', { ...parked.data, at: 20 }));
        expect(s).toMatchObject({
          state: 'EMERGENCY_DEACTIVATION_REQUESTED',
          activationState: activation,
          operation: undefined,
          cancelRequested: false,
        });
      },
    );

    it('given a parked service, only DEACTIVATE is accepted, and it ends INACTIVE', () => {
      const history = HISTORY.EMERGENCY_DEACTIVATION_REQUESTED ?? [];
      given(...history)
        .when(operation('ADJUST_INSTANCES'))
        .thenFails(
          `Only [DEACTIVATE] allowed for local service ${ID} as it is in EMERGENCY_DEACTIVATION_REQUESTED state`,
          'NOT_ALLOWED',
        );
      given(...history)
        .when({ type: 'CancelLocalServiceOperation', serviceId: ID, at: 5 })
        .thenFails('Current operation could not be cancelled');
      const deactivating = requested('DEACTIVATE', 'DEACTIVATION_REQUESTED');
      given(...history)
        .when(operation('DEACTIVATE', { at: 2 }))
        .then(deactivating);
      const s = given(...history, deactivating)
        .when(complete('SUCCEEDED'))
        .then(done('DEACTIVATE', 'SUCCEEDED', 'INACTIVE'));
      expect(s).toMatchObject({ state: 'INACTIVE', activationState: 'INACTIVE' });
    });
  });

  describe('an operation of the stale-data cleaner (staleBefore)', () => {
    it('given an INACTIVE service unchanged since before the cutoff, when DESTROY, then it is requested', () => {
      given(created)
        .when(operation('DESTROY', { staleBefore: 5, at: 2 }))
        .then(requested('DESTROY', 'DESTROY_REQUESTED'));
    });

    it('given a service changed at or after the cutoff, when DESTROY, then it is refused and kept', () => {
      given(created)
        .when(operation('DESTROY', { staleBefore: 1 }))
        .thenFails(`Local service ${ID} changed at 1, not stale`, 'NOT_ALLOWED');
    });
  });

  it('cancel is accepted once while an operation runs', () => {
    const running = [...active, requested('RESTART', 'REPLACING_INSTANCES')];
    given(...running)
      .when({ type: 'CancelLocalServiceOperation', serviceId: ID, at: 5 })
      .then(ev('LocalServiceOperationCancelRequested', { serviceId: ID, at: 5 }));
    given(...running, ev('LocalServiceOperationCancelRequested', { serviceId: ID, at: 5 }))
      .when({ type: 'CancelLocalServiceOperation', serviceId: ID, at: 6 })
      .thenFails('Current operation could not be cancelled');
    given(...active)
      .when({ type: 'CancelLocalServiceOperation', serviceId: ID, at: 6 })
      .thenFails('Current operation could not be cancelled');
  });
});
