import { appIdOf } from '../common/ids';
import { Result, fail, ok } from '../common/result';
import { ClusterOpSpecJson } from '../common/wire-types';
import { ApplicationOperationType } from '../operations/application-operation.dto';
import { toWire } from '../specs/wire';
import {
  ALLOWED_APP_OPERATIONS,
  ApplicationAggregate,
  OPERATION_STATES,
  applicationExists,
} from './application-state';
import { ApplicationCommand, CompleteApplicationOperationCommand } from './commands';
import { FAILED_WITHOUT_ERROR, failedWithoutError } from './commands/complete-application-operation.command';
import { ApplicationEvent, applicationEvent } from './events';

const OPERATION_OF: Partial<Record<ApplicationCommand['type'], ApplicationOperationType>> = {
  StartApplicationInstances: 'START_INSTANCES',
  StopApplicationInstances: 'STOP_INSTANCES',
  ScaleApplication: 'SCALE_INSTANCES',
  ReplaceApplicationInstances: 'REPLACE_INSTANCES',
  SuspendApplication: 'SUSPEND',
  RecoverApplication: 'RECOVER',
  DestroyApplication: 'DESTROY',
};

// Drove's messages for an operation the current state does not allow.
const checkAllowed = (s: ApplicationAggregate, appId: string, op: ApplicationOperationType): Result<void> => {
  if (!applicationExists(s) || !s.state) return fail('NOT_FOUND', `No state found for app: ${appId}`);
  const allowed = ALLOWED_APP_OPERATIONS[s.state];
  if (allowed.includes(op)) return ok(undefined);
  return allowed.length === 0
    ? fail('NOT_ALLOWED', `No operations allowed for ${appId} as it is in ${s.state} state`)
    : fail(
        'NOT_ALLOWED',
        `Only [${[...allowed].sort().join(', ')}] allowed for app ${appId} as it is in ${s.state} state`,
      );
};

const wireOpSpec = (opSpec: ClusterOpSpecJson): ClusterOpSpecJson => toWire(opSpec) as ClusterOpSpecJson;

const scaling = (appId: string, requiredInstances: number, opSpec: ClusterOpSpecJson, at: number) =>
  applicationEvent('ApplicationScalingRequested', {
    appId,
    requiredInstances,
    opSpec: wireOpSpec(opSpec),
    at,
  });

export const decideApplication = (
  s: ApplicationAggregate,
  c: ApplicationCommand,
): Result<ApplicationEvent[]> => {
  if (c.type === 'CreateApplication') return decideCreate(s, c);
  if (c.type === 'CancelApplicationOperation') {
    return applicationExists(s) && s.state && OPERATION_STATES.includes(s.state) && !s.cancelRequested
      ? ok([applicationEvent('ApplicationOperationCancelRequested', { appId: c.appId, at: c.at })])
      : fail('NOT_ALLOWED', 'Current operation could not be cancelled');
  }
  if (c.type === 'CompleteApplicationOperation') return decideCompletion(s, c);
  const allowed = checkAllowed(s, c.appId, OPERATION_OF[c.type] as ApplicationOperationType);
  if (!allowed.ok) return allowed;
  switch (c.type) {
    case 'StartApplicationInstances':
      return ok([scaling(c.appId, c.healthyInstances + c.instances, c.opSpec, c.at)]);
    case 'ScaleApplication':
      return ok([scaling(c.appId, c.requiredInstances, c.opSpec, c.at)]);
    case 'SuspendApplication':
      return ok([scaling(c.appId, 0, c.opSpec, c.at)]);
    case 'RecoverApplication':
      return ok([
        applicationEvent('ApplicationOutageDetected', { appId: c.appId, at: c.at }),
        scaling(c.appId, s.instances, c.opSpec, c.at),
      ]);
    case 'StopApplicationInstances': {
      const unknown = c.instanceIds.filter((id) => !c.activeInstanceIds.includes(id));
      if (unknown.length > 0) {
        return fail(
          'INVALID',
          `App ${c.appId} does not have any instances with the following ids: ${unknown.join(',')}`,
        );
      }
      const { appId, instanceIds, skipRespawn, at } = c;
      return ok([
        applicationEvent('ApplicationInstancesStopRequested', {
          appId,
          instanceIds,
          skipRespawn,
          opSpec: wireOpSpec(c.opSpec),
          at,
        }),
      ]);
    }
    case 'ReplaceApplicationInstances': {
      const unknown = c.instanceIds.filter((id) => !c.healthyInstanceIds.includes(id));
      if (unknown.length > 0) {
        return fail(
          'INVALID',
          `There are no replaceable healthy instances with ids: [${unknown.join(', ')}]`,
        );
      }
      const instanceIds = c.instanceIds.length > 0 ? c.instanceIds : c.healthyInstanceIds;
      const { appId, stopFirst, at } = c;
      return ok([
        applicationEvent('ApplicationInstancesReplaceRequested', {
          appId,
          instanceIds,
          stopFirst,
          opSpec: wireOpSpec(c.opSpec),
          at,
        }),
      ]);
    }
    case 'DestroyApplication':
      if (c.staleBefore !== undefined && (s.updated ?? 0) >= c.staleBefore)
        return fail('NOT_ALLOWED', `App ${c.appId} changed at ${s.updated}, not stale`);
      return ok([
        applicationEvent('ApplicationDestroyRequested', {
          appId: c.appId,
          opSpec: wireOpSpec(c.opSpec),
          at: c.at,
        }),
      ]);
  }
};

// CREATE with instances > 0 asks for them at once (Drove waits for its monitor, up to 30 s).
const decideCreate = (
  s: ApplicationAggregate,
  c: Extract<ApplicationCommand, { type: 'CreateApplication' }>,
): Result<ApplicationEvent[]> => {
  const appId = appIdOf(c.spec.name, c.spec.version);
  if (applicationExists(s)) return fail('CONFLICT', `App ${appId} already exists`);
  const created = applicationEvent('ApplicationCreated', {
    appId,
    spec: toWire(c.spec) as typeof c.spec,
    instances: c.instances,
    at: c.at,
  });
  return ok([
    created,
    c.instances > 0
      ? scaling(appId, c.instances, c.opSpec, c.at)
      : applicationEvent('ApplicationOperationCompleted', {
          appId,
          operation: 'CREATE',
          outcome: 'SUCCEEDED',
          state: 'MONITORING',
          instances: 0,
          at: c.at,
        }),
  ]);
};

const restingState = (count: number): 'RUNNING' | 'MONITORING' => (count > 0 ? 'RUNNING' : 'MONITORING');

const decideCompletion = (
  s: ApplicationAggregate,
  c: CompleteApplicationOperationCommand,
): Result<ApplicationEvent[]> => {
  const op = s.operation;
  if (!applicationExists(s) || !op) return fail('NOT_ALLOWED', `No operation in progress for app ${c.appId}`);
  const { appId, outcome, error, at } = c;
  if (failedWithoutError(outcome, error)) return fail('INVALID', FAILED_WITHOUT_ERROR);
  if (op.type === 'DESTROY' && outcome === 'SUCCEEDED')
    return ok([applicationEvent('ApplicationDestroyed', { appId, at })]);
  // A SCALE that arrived while this one ran re-targeted it: a success reported against the old target is stale,
  // and accepting it would leave the app RUNNING short of its new count until the monitor's next round.
  if (op.type === 'SCALE_INSTANCES' && outcome === 'SUCCEEDED' && c.healthyInstances !== op.requiredInstances)
    return fail(
      'NOT_ALLOWED',
      `Scaling of app ${appId} to ${op.requiredInstances} instances is not done: ${c.healthyInstances} healthy`,
    );
  let instances = s.instances;
  let state = restingState(c.healthyInstances);
  if (op.type === 'SCALE_INSTANCES') {
    // a cancelled scale keeps what it reached, as Drove resets the expected count to the healthy one
    if (outcome === 'CANCELLED') instances = c.healthyInstances;
    if (outcome === 'SUCCEEDED') state = restingState(instances);
  } else if (op.type === 'STOP_INSTANCES') {
    // an instance whose stop failed still runs: it stays expected, so the monitor does not stop another
    const stopped = op.instanceIds.length - (c.instancesLeftRunning ?? 0);
    if (op.skipRespawn) instances = Math.max(0, instances - Math.max(0, stopped));
    state = restingState(instances);
  } else if (op.type === 'DESTROY') {
    state = 'MONITORING';
  }
  return ok([
    applicationEvent('ApplicationOperationCompleted', {
      appId,
      operation: op.type,
      outcome,
      state,
      instances,
      ...(error !== undefined ? { error } : {}),
      at,
    }),
  ]);
};
