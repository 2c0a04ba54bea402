import { created, scalingRequested, completed } from '../../testing/application-builders';
import { instanceInfo, serviceInstanceInfo } from '../../testing/instance-builders';
import { taskInfo } from '../../testing/task-builders';
import { applicationEvent } from '../application/events';
import { clusterEvent } from '../cluster/events';
import { DomainEvent } from '../common/event';
import { LocalServiceSpecJson } from '../common/wire-types';
import { executorEvent } from '../executor/events';
import { instanceEvent } from '../instance/events';
import { localServiceEvent } from '../local-service/events';
import { taskEvent } from '../task/events';
import { localServiceSpecJson } from '../testing/spec-fixtures';
import { DroveEvent, droveEventsSummary, latestDroveEvents } from './drove-event';
import { DroveEventMapper } from './drove-event-mapper';

let time = 0;
const stored = (e: DomainEvent) => ({ id: `e-${++time}`, time, type: e.type, data: e.data });
const mapAll = (...events: DomainEvent[]): DroveEvent[] => {
  const mapper = new DroveEventMapper();
  return events.flatMap((e) => mapper.apply(stored(e)));
};

describe('Drove event feed mapping', () => {
  it('app state changes carry the facts Drove repeats', () => {
    const [scaling, running] = mapAll(
      created(2),
      scalingRequested(2),
      completed('SCALE_INSTANCES', 'RUNNING', 2),
    );
    expect(scaling).toMatchObject({
      type: 'APP_STATE_CHANGE',
      metadata: {
        APP_ID: 'mini-1',
        CURRENT_STATE: 'SCALING_REQUESTED',
        APP_NAME: 'mini',
        APP_VERSION: '1',
        EXECUTABLE: 'drove-test/http-server:latest',
        PLACEMENT_POLICY: 'ANY',
        CURRENT_INSTANCES: 2,
        CPU_COUNT: 1,
        MEMORY: 64,
        PORTS: 'main:8000:http',
      },
    });
    expect(scaling.metadata).not.toHaveProperty('VHOST');
    expect(running.metadata).toMatchObject({ CURRENT_STATE: 'RUNNING' });
  });

  it.each([
    [applicationEvent('ApplicationOutageDetected', { appId: 'mini-1', at: 1 }), 'OUTAGE_DETECTED'],
    [
      applicationEvent('ApplicationDestroyRequested', {
        appId: 'mini-1',
        opSpec: { timeout: '1 second', parallelism: 1, failureStrategy: 'STOP' },
        at: 1,
      }),
      'DESTROY_REQUESTED',
    ],
    [applicationEvent('ApplicationDestroyed', { appId: 'mini-1', at: 1 }), 'DESTROYED'],
  ])('%j is APP_STATE_CHANGE to %s', (e, state) => {
    expect(mapAll(created(0), e)[0].metadata.CURRENT_STATE).toBe(state);
  });

  it('creation alone is not a Drove event', () => {
    expect(mapAll(created(0))).toEqual([]);
  });

  it('instance state changes', () => {
    const [app, service] = mapAll(
      instanceEvent('InstanceStateChanged', {
        info: instanceInfo('HEALTHY', 5, { errorMessage: '' }),
        at: 5,
      }),
      instanceEvent('InstanceStateChanged', {
        info: { ...serviceInstanceInfo('STOPPED', 6), errorMessage: 'boom' },
        at: 6,
      }),
    );
    expect(app).toMatchObject({
      type: 'INSTANCE_STATE_CHANGE',
      metadata: {
        APP_ID: 'mini-1',
        APP_NAME: 'mini',
        CURRENT_STATE: 'HEALTHY',
        EXECUTOR_HOST: 'h1',
        PORTS: 'main:32000:http',
        CREATED: 1000,
      },
    });
    expect(app.metadata).not.toHaveProperty('ERROR');
    expect(service).toMatchObject({
      type: 'LOCAL_SERVICE_INSTANCE_STATE_CHANGE',
      metadata: { SERVICE_ID: 'svc-1', SERVICE_NAME: 'svc', CURRENT_STATE: 'STOPPED', ERROR: 'boom' },
    });
  });

  it('task state changes with results', () => {
    const [e] = mapAll(
      taskEvent('TaskStateChanged', {
        info: taskInfo('RUN_COMPLETED', 5, { taskResult: { status: 'SUCCESSFUL', exitCode: 0 } }),
        at: 5,
      }),
    );
    expect(e).toMatchObject({
      type: 'TASK_STATE_CHANGE',
      metadata: {
        APP_NAME: 'test-app',
        TASK_ID: 'T0001',
        EXECUTOR_HOST: 'h1',
        EXECUTABLE: 'drove-test/task:latest',
        CURRENT_STATE: 'RUN_COMPLETED',
        RESULT_STATUS: 'SUCCESSFUL',
        RESULT_EXIT_CODE: 0,
      },
    });
  });

  it('executor events', () => {
    const events = mapAll(
      executorEvent('ExecutorAdded', {
        executorId: 'x',
        hostname: 'h1',
        port: 3000,
        transportType: 'HTTP',
        tags: [],
        state: 'ACTIVE',
        at: 1,
      }),
      executorEvent('ExecutorBlacklistRequested', { executorId: 'x', at: 2 }),
      executorEvent('ExecutorBlacklisted', { executorId: 'x', at: 3 }),
      executorEvent('ExecutorUnblacklisted', { executorId: 'x', at: 4 }),
      executorEvent('ExecutorRemoved', { executorId: 'x', at: 5 }),
      executorEvent('ExecutorStateChanged', { executorId: 'x', state: 'ACTIVE', at: 6 }),
    );
    expect(events.map((e) => [e.type, e.metadata])).toEqual([
      ['EXECUTOR_ADDED', { EXECUTOR_ID: 'x', HOSTNAME: 'h1', PORT: 3000 }],
      ['EXECUTOR_BLACKLIST_REQUESTED', { EXECUTOR_ID: 'x', HOSTNAME: 'h1', PORT: 3000 }],
      ['EXECUTOR_BLACKLISTED', { EXECUTOR_ID: 'x', HOSTNAME: 'h1', PORT: 3000 }],
      ['EXECUTOR_UN_BLACKLISTED', { EXECUTOR_ID: 'x', HOSTNAME: 'h1', PORT: 3000 }],
      ['EXECUTOR_REMOVED', { EXECUTOR_ID: 'x' }],
    ]);
  });

  it('cluster events', () => {
    expect(
      mapAll(
        clusterEvent('MaintenanceModeSet', { hostname: 'c1', at: 1 }),
        clusterEvent('MaintenanceModeRemoved', { hostname: 'c1', at: 2 }),
        clusterEvent('LeadershipAcquired', { hostname: 'c2', at: 3 }),
      ).map((e) => [e.type, e.metadata]),
    ).toEqual([
      ['MAINTENANCE_MODE_SET', { HOSTNAME: 'c1' }],
      ['MAINTENANCE_MODE_REMOVED', { HOSTNAME: 'c1' }],
      ['LEADERSHIP_ACQUIRED', { HOSTNAME: 'c2' }],
    ]);
  });

  it('a new leader also tells that the previous one lost leadership', () => {
    const [lost, acquired] = mapAll(
      clusterEvent('LeadershipAcquired', { hostname: 'c2', previousLeader: 'c1', at: 3 }),
    );
    expect([lost.type, lost.metadata, acquired.type, acquired.metadata]).toEqual([
      'LEADERSHIP_LOST',
      { HOSTNAME: 'c1' },
      'LEADERSHIP_ACQUIRED',
      { HOSTNAME: 'c2' },
    ]);
    expect(lost.id).not.toBe(acquired.id);
  });

  it('local service state changes', () => {
    const spec = localServiceSpecJson() as LocalServiceSpecJson;
    const [createdEvent, completedEvent, parkedEvent] = mapAll(
      localServiceEvent('LocalServiceCreated', { serviceId: 's-1', spec, instancesPerHost: 2, at: 1 }),
      localServiceEvent('LocalServiceOperationCompleted', {
        serviceId: 's-1',
        operation: 'ACTIVATE',
        outcome: 'SUCCEEDED',
        state: 'ACTIVE',
        instancesPerHost: 2,
        at: 2,
      }),
      localServiceEvent('LocalServiceEmergencyDeactivationRequested', {
        serviceId: 's-1',
        cancelledOperation: 'ADJUST_INSTANCES',
        at: 3,
      }),
    );
    expect(createdEvent).toMatchObject({
      type: 'LOCAL_SERVICE_STATE_CHANGE',
      metadata: {
        LOCAL_SERVICE_ID: 's-1',
        CURRENT_STATE: 'INACTIVE',
        LOCAL_SERVICE_NAME: 'test-service',
        PLACEMENT_POLICY: 'LOCAL',
        CURRENT_INSTANCES_PER_HOST: 2,
        PORTS: 'main:8000:http,admin:8001:http',
      },
    });
    expect(completedEvent.metadata.CURRENT_STATE).toBe('ACTIVE');
    expect(parkedEvent).toMatchObject({
      type: 'LOCAL_SERVICE_STATE_CHANGE',
      metadata: { CURRENT_STATE: 'EMERGENCY_DEACTIVATION_REQUESTED', LOCAL_SERVICE_NAME: 'test-service' },
    });
  });

  it('a clone holds all the state folded so far, independent of the original', () => {
    const spec = localServiceSpecJson() as LocalServiceSpecJson;
    const log = [
      created(2),
      completed('SCALE_INSTANCES', 'RUNNING', 2),
      localServiceEvent('LocalServiceCreated', { serviceId: 's-1', spec, instancesPerHost: 2, at: 1 }),
      executorEvent('ExecutorAdded', {
        ...{ executorId: 'x', hostname: 'h1', port: 3000, transportType: 'HTTP' },
        ...{ tags: [], state: 'ACTIVE', at: 1 },
      }),
    ].map(stored);
    const mapper = new DroveEventMapper();
    for (const e of log) mapper.apply(e);
    const copy = mapper.clone();
    // every field, including any added later, must be carried over: a feed re-maps old pages from copies
    expect(copy).toEqual(mapper);
    expect(copy.size).toBe(3);
    const next = [scalingRequested(5), completed('SCALE_INSTANCES', 'RUNNING', 5)].map(stored);
    const fromCopy = next.flatMap((e) => copy.apply(e));
    expect(copy).not.toEqual(mapper);
    expect(next.flatMap((e) => mapper.apply(e))).toEqual(fromCopy);
  });

  it('ignores events Drove does not report', () => {
    expect(mapAll(applicationEvent('ApplicationOperationCancelRequested', { appId: 'a', at: 1 }))).toEqual(
      [],
    );
  });

  it('uses the envelope id and time', () => {
    const [e] = new DroveEventMapper().apply({
      id: 'uuid-1',
      time: 42,
      type: 'MaintenanceModeSet',
      data: { hostname: 'c', at: 1 },
    });
    expect(e).toMatchObject({ id: 'uuid-1', time: 42 });
  });
});

describe('latest events', () => {
  const ev = (time: number): DroveEvent => ({ type: 'EXECUTOR_REMOVED', id: `${time}`, time, metadata: {} });
  const all = [ev(1), ev(2), ev(3), ev(4), ev(5)];

  it('returns events after lastSyncTime, newest first', () => {
    expect(latestDroveEvents(all, 2, 10)).toEqual({ events: [ev(5), ev(4), ev(3)], lastSyncTime: 5 });
  });

  it('pages from the oldest so that nothing is skipped', () => {
    const first = latestDroveEvents(all, 0, 2);
    expect(first).toEqual({ events: [ev(2), ev(1)], lastSyncTime: 2 });
    expect(latestDroveEvents(all, first.lastSyncTime, 2).events).toEqual([ev(4), ev(3)]);
  });

  it('keeps lastSyncTime when nothing is new', () => {
    expect(latestDroveEvents(all, 5, 10)).toEqual({ events: [], lastSyncTime: 5 });
  });

  it('summarises counts per type', () => {
    expect(droveEventsSummary(all, 3)).toEqual({ eventsCount: { EXECUTOR_REMOVED: 2 }, lastSyncTime: 5 });
  });
});
