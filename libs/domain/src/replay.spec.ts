import fc from 'fast-check';
import { APP_ID, appSpec, opSpec } from '../testing/application-builders';
import { instanceInfo } from '../testing/instance-builders';
import { taskInfo, taskSpec } from '../testing/task-builders';
import { applicationDecider } from './application/application.decider';
import { OPERATION_STATES } from './application/application-state';
import { ApplicationCommand } from './application/commands';
import { Decider, fold } from './common/decider';
import { ExecutorCommand } from './executor/commands';
import { executorDecider } from './executor/executor.decider';
import { INSTANCE_STATES } from './instance/instance-state';
import { InstanceCommand } from './instance/commands';
import { instanceDecider } from './instance/instance.decider';
import { LocalServiceCommand } from './local-service/commands';
import { localServiceDecider } from './local-service/local-service.decider';
import { LOCAL_SERVICE_OPERATION_TYPES } from './operations/local-service-operation.dto';
import { parseApplicationSpec } from './specs/parse-specs';
import { TASK_STATES } from './task/task-state';
import { TaskCommand } from './task/commands';
import { taskDecider } from './task/task.decider';
import { localServiceSpecJson, minimalApplicationSpecJson } from './testing/spec-fixtures';
import { LocalServiceSpecJson } from './common/wire-types';

// Runs commands one by one as a command handler would (rejected ones change nothing), then checks that the
// events, after the JSON round trip the event store puts them through, fold back into the same state.
const replays = <S, C, E>(
  decider: Decider<S, C, E>,
  commands: fc.Arbitrary<C[]>,
  invariant: (state: S) => void = () => undefined,
) =>
  fc.assert(
    fc.property(commands, (cs) => {
      let state = decider.initialState;
      const log: E[] = [];
      for (const c of cs) {
        const result = decider.decide(state, c);
        if (!result.ok) continue;
        log.push(...result.value);
        state = fold(decider, result.value, state);
        invariant(state);
      }
      const stored = JSON.parse(JSON.stringify(log)) as E[];
      expect(fold(decider, stored)).toEqual(state);
    }),
    { numRuns: 200 },
  );

const at = fc.integer({ min: 1, max: 10 ** 6 });
const ids = fc.subarray(['AI-1', 'AI-2', 'AI-3']);
const outcome = fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const, 'CANCELLED' as const);
const parsed = parseApplicationSpec(minimalApplicationSpecJson());

const appCommand: fc.Arbitrary<ApplicationCommand> = fc.oneof(
  fc.record({
    type: fc.constant('CreateApplication' as const),
    spec: fc.constantFrom(appSpec(), parsed.ok ? (parsed.value as never) : appSpec()),
    instances: fc.integer({ min: 0, max: 5 }),
    opSpec: fc.constant(opSpec()),
    at,
  }),
  fc.record({
    type: fc.constant('ScaleApplication' as const),
    appId: fc.constant(APP_ID),
    requiredInstances: fc.nat(5),
    opSpec: fc.constant(opSpec()),
    at,
  }),
  fc.record({
    type: fc.constant('StartApplicationInstances' as const),
    appId: fc.constant(APP_ID),
    instances: fc.nat(3),
    opSpec: fc.constant(opSpec()),
    healthyInstances: fc.nat(3),
    at,
  }),
  fc.record({
    type: fc.constant('StopApplicationInstances' as const),
    appId: fc.constant(APP_ID),
    instanceIds: ids,
    skipRespawn: fc.boolean(),
    opSpec: fc.constant(opSpec()),
    activeInstanceIds: ids,
    at,
  }),
  fc.record({
    type: fc.constant('ReplaceApplicationInstances' as const),
    appId: fc.constant(APP_ID),
    instanceIds: ids,
    stopFirst: fc.boolean(),
    opSpec: fc.constant(opSpec()),
    healthyInstanceIds: ids,
    at,
  }),
  fc.record({
    type: fc.constantFrom(
      'SuspendApplication' as const,
      'RecoverApplication' as const,
      'DestroyApplication' as const,
    ),
    appId: fc.constant(APP_ID),
    opSpec: fc.constant(opSpec()),
    at,
  }),
  fc.record({ type: fc.constant('CancelApplicationOperation' as const), appId: fc.constant(APP_ID), at }),
  fc.record({
    type: fc.constant('CompleteApplicationOperation' as const),
    appId: fc.constant(APP_ID),
    outcome,
    healthyInstances: fc.nat(5),
    at,
  }),
);

const instanceCommand: fc.Arbitrary<InstanceCommand> = fc.oneof(
  fc.record({
    type: fc.constant('RequestInstanceStart' as const),
    instanceId: fc.constant('AI-1'),
    kind: fc.constant('APPLICATION' as const),
    ownerId: fc.constant(APP_ID),
    executorId: fc.constant('e1'),
    resources: fc.constant(instanceInfo('PENDING', 1).resources),
    at,
  }),
  fc.record({
    type: fc.constant('RecordInstanceState' as const),
    info: fc.tuple(fc.constantFrom(...INSTANCE_STATES), at).map(([s, t]) => instanceInfo(s, t)),
    at,
  }),
  fc.record({ type: fc.constant('RequestInstanceStop' as const), instanceId: fc.constant('AI-1'), at }),
  fc.record({
    type: fc.constant('MarkInstanceLost' as const),
    instanceId: fc.constant('AI-1'),
    errorMessage: fc.constant('Instance lost'),
    at,
  }),
);

const taskCommand: fc.Arbitrary<TaskCommand> = fc.oneof(
  fc.record({
    type: fc.constant('CreateTask' as const),
    spec: fc.constant(taskSpec()),
    opSpec: fc.constant(opSpec()),
    instanceId: fc.constant('TI-1'),
    at,
  }),
  fc.record({
    type: fc.constant('RecordTaskState' as const),
    info: fc.tuple(fc.constantFrom(...TASK_STATES), at).map(([s, t]) => taskInfo(s, t)),
    at,
  }),
  fc.record({
    type: fc.constantFrom('KillTask' as const),
    sourceAppName: fc.constant('test-app'),
    taskId: fc.constant('T0001'),
    opSpec: fc.constant(opSpec()),
    at,
  }),
  fc.record({
    type: fc.constantFrom('MarkStaleTaskLost' as const),
    sourceAppName: fc.constant('test-app'),
    taskId: fc.constant('T0001'),
    lastHeardAt: at,
    stalenessMs: fc.constantFrom(0, 60_000),
    at,
  }),
  fc.record({
    type: fc.constantFrom('DeleteTask' as const),
    sourceAppName: fc.constant('test-app'),
    taskId: fc.constant('T0001'),
    at,
  }),
);

const executorCommand: fc.Arbitrary<ExecutorCommand> = fc.oneof(
  fc.record({
    type: fc.constant('RecordExecutorSnapshot' as const),
    executorId: fc.constant('e1'),
    hostname: fc.constant('h1'),
    port: fc.constant(3000),
    transportType: fc.constant('HTTP' as const),
    tags: fc.constant<string[]>(['h1']),
    executorState: fc.constantFrom('ACTIVE' as const, 'UNREADY' as const, 'BLACKLISTED' as const),
    at,
  }),
  fc.record({
    type: fc.constantFrom(
      'RemoveExecutor' as const,
      'RequestExecutorBlacklist' as const,
      'ConfirmExecutorBlacklist' as const,
      'UnblacklistExecutor' as const,
    ),
    executorId: fc.constant('e1'),
    at,
  }),
);

const serviceOps = LOCAL_SERVICE_OPERATION_TYPES.filter((o) => o !== 'CREATE');
const localServiceCommand: fc.Arbitrary<LocalServiceCommand> = fc.oneof(
  fc.record({
    type: fc.constant('CreateLocalService' as const),
    spec: fc.constant(localServiceSpecJson() as LocalServiceSpecJson),
    instancesPerHost: fc.integer({ min: 1, max: 4 }),
    at,
  }),
  fc.record({
    type: fc.constant('RequestLocalServiceOperation' as const),
    serviceId: fc.constant('test-service-1'),
    operation: fc.constantFrom(...serviceOps),
    instancesPerHost: fc.integer({ min: 1, max: 4 }),
    at,
  }) as fc.Arbitrary<LocalServiceCommand>,
  fc.record({
    type: fc.constant('CancelLocalServiceOperation' as const),
    serviceId: fc.constant('test-service-1'),
    at,
  }),
  fc.record({
    type: fc.constant('CompleteLocalServiceOperation' as const),
    serviceId: fc.constant('test-service-1'),
    outcome,
    at,
  }),
);

describe('replay: folding the stored events reproduces the state', () => {
  it('application', () =>
    replays(applicationDecider, fc.array(appCommand, { maxLength: 30 }), (s) => {
      // an operation is running exactly in the operation states, and the expected count is never negative
      expect(s.operation !== undefined).toBe(s.state !== undefined && OPERATION_STATES.includes(s.state));
      expect(s.instances).toBeGreaterThanOrEqual(0);
      expect(s.state).not.toBe('OUTAGE_DETECTED');
    }));
  it('instance', () => replays(instanceDecider, fc.array(instanceCommand, { maxLength: 20 })));
  it('task', () => replays(taskDecider, fc.array(taskCommand, { maxLength: 20 })));
  it('executor', () => replays(executorDecider, fc.array(executorCommand, { maxLength: 20 })));
  it('local service', () =>
    replays(localServiceDecider, fc.array(localServiceCommand, { maxLength: 30 }), (s) => {
      const resting =
        s.state === undefined || ['ACTIVE', 'CONFIG_TESTING', 'INACTIVE', 'DESTROYED'].includes(s.state);
      expect(s.operation === undefined).toBe(resting);
    }));
});
