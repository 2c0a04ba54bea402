import {
  FAILED_WITHOUT_ERROR,
  failedWithoutError,
} from '../application/commands/complete-application-operation.command';
import { Decider } from '../common/decider';
import { localServiceIdOf } from '../common/ids';
import { Result, fail, ok } from '../common/result';
import { LocalServiceSpecJson } from '../common/wire-types';
import { toWire } from '../specs/wire';
import { LocalServiceCommand, RequestLocalServiceOperationCommand } from './commands';
import { LocalServiceEvent, localServiceEvent as ev } from './events';
import {
  ALLOWED_LOCAL_SERVICE_OPERATIONS,
  LocalServiceAggregate,
  LocalServiceOperationDetails,
  OPERATION_STATE,
  SUCCESS_STATE,
  initialLocalServiceState,
  localServiceExists,
} from './local-service-state';

const details = (c: RequestLocalServiceOperationCommand): LocalServiceOperationDetails => {
  const { instanceIds, stopFirst, instancesPerHost, opSpec } = c;
  return toWire({ instanceIds, stopFirst, instancesPerHost, opSpec }) as LocalServiceOperationDetails;
};

const decideOperation = (
  s: LocalServiceAggregate,
  c: RequestLocalServiceOperationCommand,
): Result<LocalServiceEvent[]> => {
  const { serviceId, operation, at } = c;
  if (!localServiceExists(s) || !s.state)
    return fail('NOT_FOUND', `No state found for local service: ${serviceId}`);
  const allowed = ALLOWED_LOCAL_SERVICE_OPERATIONS[s.state];
  if (!allowed.includes(operation)) {
    return allowed.length === 0
      ? fail('NOT_ALLOWED', `No operations allowed for ${serviceId} as it is in ${s.state} state`)
      : fail(
          'NOT_ALLOWED',
          `Only [${[...allowed].sort().join(', ')}] allowed for local service ${serviceId} as it is in ${s.state} state`,
        );
  }
  if (c.staleBefore !== undefined && (s.updated ?? 0) >= c.staleBefore) {
    return fail('NOT_ALLOWED', `Local service ${serviceId} changed at ${s.updated}, not stale`);
  }
  const state = OPERATION_STATE[operation];
  return ok([ev('LocalServiceOperationRequested', { serviceId, operation, state, details: details(c), at })]);
};

/**
 * Drove requests an emergency deactivation only when an ADJUST_INSTANCES is cancelled on a service that should
 * run instances: half-adjusted, it is safer parked until an operator deactivates it than adjusted again.
 */
const parksOnCancel = (s: LocalServiceAggregate, outcome: string): boolean =>
  outcome === 'CANCELLED' &&
  s.operation?.type === 'ADJUST_INSTANCES' &&
  (s.activationState === 'ACTIVE' || s.activationState === 'CONFIG_TESTING');

const decide = (s: LocalServiceAggregate, c: LocalServiceCommand): Result<LocalServiceEvent[]> => {
  switch (c.type) {
    case 'CreateLocalService': {
      const serviceId = localServiceIdOf(c.spec.name, c.spec.version);
      if (localServiceExists(s)) return fail('CONFLICT', `Local service ${serviceId} already exists`);
      const spec = toWire(c.spec) as LocalServiceSpecJson;
      return ok([
        ev('LocalServiceCreated', { serviceId, spec, instancesPerHost: c.instancesPerHost, at: c.at }),
      ]);
    }
    case 'RequestLocalServiceOperation':
      return decideOperation(s, c);
    case 'CancelLocalServiceOperation':
      return s.operation && !s.cancelRequested
        ? ok([ev('LocalServiceOperationCancelRequested', { serviceId: c.serviceId, at: c.at })])
        : fail('NOT_ALLOWED', 'Current operation could not be cancelled');
    case 'CompleteLocalServiceOperation': {
      const { serviceId, outcome, error, at } = c;
      const op = s.operation;
      if (!localServiceExists(s) || !op)
        return fail('NOT_ALLOWED', `No operation in progress for local service ${serviceId}`);
      if (failedWithoutError(outcome, error)) return fail('INVALID', FAILED_WITHOUT_ERROR);
      if (op.type === 'DESTROY' && outcome === 'SUCCEEDED')
        return ok([ev('LocalServiceDestroyed', { serviceId, at })]);
      if (parksOnCancel(s, outcome)) {
        return ok([
          ev('LocalServiceEmergencyDeactivationRequested', { serviceId, cancelledOperation: op.type, at }),
        ]);
      }
      const succeeded = outcome === 'SUCCEEDED';
      const state = (succeeded && SUCCESS_STATE[op.type]) || s.activationState;
      const instancesPerHost =
        succeeded && op.type === 'UPDATE_INSTANCE_COUNT' && op.instancesPerHost
          ? op.instancesPerHost
          : s.instancesPerHost;
      return ok([
        ev('LocalServiceOperationCompleted', {
          serviceId,
          operation: op.type,
          outcome,
          state,
          instancesPerHost,
          ...(error !== undefined ? { error } : {}),
          at,
        }),
      ]);
    }
  }
};

const evolve = (s: LocalServiceAggregate, e: LocalServiceEvent): LocalServiceAggregate => {
  const updated = e.data.at;
  switch (e.type) {
    case 'LocalServiceCreated': {
      const { serviceId, spec, instancesPerHost, at } = e.data;
      return {
        ...initialLocalServiceState,
        serviceId,
        spec,
        instancesPerHost,
        state: 'INACTIVE',
        created: at,
        updated,
      };
    }
    case 'LocalServiceOperationRequested':
      return {
        ...s,
        state: e.data.state,
        operation: { type: e.data.operation, ...e.data.details },
        cancelRequested: false,
        updated,
      };
    case 'LocalServiceOperationCancelRequested':
      return { ...s, cancelRequested: true, updated };
    case 'LocalServiceOperationCompleted': {
      const { state, instancesPerHost } = e.data;
      return {
        ...s,
        state,
        activationState: state,
        instancesPerHost,
        operation: undefined,
        cancelRequested: false,
        updated,
      };
    }
    case 'LocalServiceEmergencyDeactivationRequested':
      return {
        ...s,
        state: 'EMERGENCY_DEACTIVATION_REQUESTED',
        operation: undefined,
        cancelRequested: false,
        updated,
      };
    case 'LocalServiceDestroyed':
      return { ...s, state: 'DESTROYED', operation: undefined, cancelRequested: false, updated };
  }
};

export const localServiceDecider: Decider<LocalServiceAggregate, LocalServiceCommand, LocalServiceEvent> = {
  initialState: initialLocalServiceState,
  decide,
  evolve,
};
