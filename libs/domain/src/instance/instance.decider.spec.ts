import { givenFor } from '../../testing/decider-harness';
import { EXECUTOR_ID, INSTANCE_ID, instanceInfo, serviceInstanceInfo } from '../../testing/instance-builders';
import { instanceEvent as ev } from './events';
import { formatHostPorts } from './instance-info';
import { instanceDecider } from './instance.decider';
import {
  INSTANCE_STATES,
  INSTANCE_TRANSITIONS,
  InstanceState,
  canStopInstance,
  canTransitionInstance,
} from './instance-state';

const given = givenFor(instanceDecider);
const resources = instanceInfo('PENDING', 1).resources;
const startRequested = ev('InstanceStartRequested', {
  instanceId: INSTANCE_ID,
  kind: 'APPLICATION',
  ownerId: 'mini-1',
  executorId: EXECUTOR_ID,
  resources,
  at: 1,
});
const changed = (state: InstanceState, updated: number, previousState?: InstanceState) =>
  ev('InstanceStateChanged', {
    info: instanceInfo(state, updated),
    ...(previousState ? { previousState } : {}),
    at: updated,
  });

describe('instance state machine table (Drove section 3.2)', () => {
  const allowed = INSTANCE_STATES.flatMap((from) =>
    INSTANCE_TRANSITIONS[from].map((to) => [from, to] as const),
  );
  it.each(allowed)('%s -> %s is allowed', (from, to) => {
    expect(canTransitionInstance(from, to)).toBe(true);
  });

  it.each(INSTANCE_STATES.filter((s) => s !== 'STOPPED' && s !== 'LOST'))('%s -> LOST is allowed', (from) => {
    expect(canTransitionInstance(from, 'LOST')).toBe(true);
  });

  it.each([
    ['STOPPED', 'HEALTHY'],
    ['LOST', 'LOST'],
    ['HEALTHY', 'PENDING'],
    ['PENDING', 'HEALTHY'],
    ['UNHEALTHY', 'HEALTHY'],
    ['DEPROVISIONING', 'STOPPING'],
  ] as const)('%s -> %s is not', (from, to) => {
    expect(canTransitionInstance(from, to)).toBe(false);
  });

  it.each(INSTANCE_STATES)('stop accepted in %s only while running', (state) => {
    expect(canStopInstance(state)).toBe(['UNREADY', 'READY', 'HEALTHY'].includes(state));
  });
});

describe('instance decider', () => {
  it('records a placement', () => {
    const s = given()
      .when({
        type: 'RequestInstanceStart',
        instanceId: INSTANCE_ID,
        kind: 'APPLICATION',
        ownerId: 'mini-1',
        executorId: EXECUTOR_ID,
        resources,
        at: 1,
      })
      .then(startRequested);
    expect(s).toMatchObject({ instanceId: INSTANCE_ID, executorId: EXECUTOR_ID, created: 1 });
  });

  it('records the instance a REPLACE started one for, so a new leader resumes that pair', () => {
    const s = given()
      .when({
        type: 'RequestInstanceStart',
        instanceId: INSTANCE_ID,
        kind: 'APPLICATION',
        ownerId: 'mini-1',
        executorId: EXECUTOR_ID,
        resources,
        replaces: 'AI-old',
        at: 1,
      })
      .then(ev('InstanceStartRequested', { ...startRequested.data, replaces: 'AI-old' }));
    expect(s).toMatchObject({ instanceId: INSTANCE_ID, replaces: 'AI-old' });
  });

  it('refuses a second placement of the same id', () => {
    given(startRequested)
      .when({
        type: 'RequestInstanceStart',
        instanceId: INSTANCE_ID,
        kind: 'APPLICATION',
        ownerId: 'mini-1',
        executorId: EXECUTOR_ID,
        resources,
        at: 2,
      })
      .thenFails(`Instance ${INSTANCE_ID} already exists`, 'CONFLICT');
  });

  it('records a first report, even without a placement (recovered after a controller restart)', () => {
    given()
      .when({ type: 'RecordInstanceState', info: instanceInfo('HEALTHY', 5), at: 5 })
      .then(changed('HEALTHY', 5));
  });

  it.each([
    ['PENDING', 'PROVISIONING'],
    ['PROVISIONING', 'STARTING'],
    ['STARTING', 'UNREADY'],
    ['UNREADY', 'READY'],
    ['READY', 'HEALTHY'],
    ['HEALTHY', 'UNHEALTHY'],
    ['HEALTHY', 'STOPPING'],
    ['STOPPING', 'DEPROVISIONING'],
    ['DEPROVISIONING', 'STOPPED'],
    ['PENDING', 'HEALTHY'],
    ['LOST', 'HEALTHY'],
  ] as const)('a newer report %s -> %s becomes a state change', (from, to) => {
    const s = given(startRequested, changed(from, 10))
      .when({ type: 'RecordInstanceState', info: instanceInfo(to, 11), at: 11 })
      .then(changed(to, 11, from));
    expect(s.state).toBe(to);
  });

  it('ignores a report that is not newer', () => {
    given(changed('HEALTHY', 10))
      .when({ type: 'RecordInstanceState', info: instanceInfo('READY', 10), at: 12 })
      .then();
  });

  it('ignores a newer report of the same state', () => {
    given(changed('HEALTHY', 10))
      .when({ type: 'RecordInstanceState', info: instanceInfo('HEALTHY', 30), at: 30 })
      .then();
  });

  it('refuses reports after STOPPED', () => {
    given(changed('STOPPED', 10))
      .when({ type: 'RecordInstanceState', info: instanceInfo('HEALTHY', 11), at: 11 })
      .thenFails(`Instance ${INSTANCE_ID} has already stopped`);
  });

  it.each(['UNREADY', 'READY', 'HEALTHY'] as const)('stop is requested in %s', (state) => {
    const s = given(startRequested, changed(state, 10))
      .when({ type: 'RequestInstanceStop', instanceId: INSTANCE_ID, at: 11 })
      .then(ev('InstanceStopRequested', { instanceId: INSTANCE_ID, executorId: EXECUTOR_ID, at: 11 }));
    expect(s.stopRequested).toBe(true);
  });

  it('a second stop request is a no-op', () => {
    given(
      changed('HEALTHY', 10),
      ev('InstanceStopRequested', { instanceId: INSTANCE_ID, executorId: EXECUTOR_ID, at: 11 }),
    )
      .when({ type: 'RequestInstanceStop', instanceId: INSTANCE_ID, at: 12 })
      .then();
  });

  it.each(['PENDING', 'STOPPING', 'STOPPED', 'UNHEALTHY'] as const)('stop is refused in %s', (state) => {
    given(changed(state, 10))
      .when({ type: 'RequestInstanceStop', instanceId: INSTANCE_ID, at: 11 })
      .thenFails(`Instance ${INSTANCE_ID} cannot be stopped in state ${state}`, 'NOT_ALLOWED');
  });

  it('stop of an unknown instance is NOT_FOUND', () => {
    given()
      .when({ type: 'RequestInstanceStop', instanceId: INSTANCE_ID, at: 1 })
      .thenFails(`No such instance ${INSTANCE_ID}`, 'NOT_FOUND');
  });

  it('marks an active instance LOST with the error', () => {
    const s = given(changed('HEALTHY', 10))
      .when({ type: 'MarkInstanceLost', instanceId: INSTANCE_ID, errorMessage: 'Instance lost', at: 100 })
      .then(
        ev('InstanceStateChanged', {
          info: instanceInfo('LOST', 100, { errorMessage: 'Instance lost' }),
          previousState: 'HEALTHY',
          at: 100,
        }),
      );
    expect(s.state).toBe('LOST');
  });

  it('an older report cannot revive a LOST instance, a newer one can', () => {
    const lost = ev('InstanceStateChanged', {
      info: instanceInfo('LOST', 100),
      previousState: 'HEALTHY',
      at: 100,
    });
    given(changed('HEALTHY', 10), lost)
      .when({ type: 'RecordInstanceState', info: instanceInfo('HEALTHY', 50), at: 101 })
      .then();
    given(changed('HEALTHY', 10), lost)
      .when({ type: 'RecordInstanceState', info: instanceInfo('HEALTHY', 120), at: 120 })
      .then(changed('HEALTHY', 120, 'LOST'));
  });

  it.each(['STOPPED', 'LOST'] as const)('marking a %s instance lost is a no-op', (state) => {
    given(changed(state, 10))
      .when({ type: 'MarkInstanceLost', instanceId: INSTANCE_ID, errorMessage: 'x', at: 100 })
      .then();
  });

  describe('staleness (Drove: an active instance not heard of for 60 s is LOST)', () => {
    const stale = (at: number, lastHeardAt = 0) =>
      ({
        type: 'MarkStaleInstanceLost',
        instanceId: INSTANCE_ID,
        lastHeardAt,
        stalenessMs: 60_000,
        at,
      }) as const;
    const lostAt = (at: number) =>
      ev('InstanceStateChanged', {
        info: instanceInfo('LOST', at, { errorMessage: 'Instance lost' }),
        previousState: 'HEALTHY',
        at,
      });

    it("marks an instance whose last change is older than the staleness LOST with Drove's error", () => {
      const s = given(changed('HEALTHY', 10)).when(stale(60_011)).then(lostAt(60_011));
      expect(s.info?.errorMessage).toBe('Instance lost');
    });

    it.each([
      ['its last change is exactly the staleness old', 60_010, 0],
      ['a snapshot listed it since', 120_000, 60_001],
      ['the caller heard of it in the future of the log', 60_011, 70_000],
    ])('leaves it alone when %s', (_case, at, lastHeardAt) => {
      given(changed('HEALTHY', 10)).when(stale(at, lastHeardAt)).then();
    });

    it("a report recorded after the caller looked keeps it: the stream's last change counts", () => {
      given(changed('HEALTHY', 10), changed('UNHEALTHY', 50_000, 'HEALTHY'))
        .when(stale(60_011, 10))
        .then();
    });

    it.each(['STOPPED', 'LOST', 'START_FAILED'] as const)(
      'ignores an instance in %s (not active)',
      (state) => {
        given(changed(state, 10)).when(stale(1_000_000)).then();
      },
    );

    it('refuses an instance never reported', () => {
      given(startRequested).when(stale(1_000_000)).thenFails(`No such instance ${INSTANCE_ID}`, 'NOT_FOUND');
    });
  });

  it('local service instances are tracked by service id', () => {
    const info = serviceInstanceInfo('HEALTHY', 5);
    const s = given()
      .when({ type: 'RecordInstanceState', info, at: 5 })
      .then(ev('InstanceStateChanged', { info, at: 5 }));
    expect(s).toMatchObject({ kind: 'LOCAL_SERVICE', ownerId: 'svc-1' });
  });

  it('formats host ports as Drove events do', () => {
    expect(formatHostPorts(instanceInfo('HEALTHY', 1).localInfo)).toBe('main:32000:http');
    expect(formatHostPorts(undefined)).toBeUndefined();
  });
});
