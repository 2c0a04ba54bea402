import { Decider } from '../common/decider';
import { Result, fail, ok } from '../common/result';
import { InstanceCommand } from './commands';
import { InstanceEvent, instanceEvent } from './events';
import { InstanceAggregate, initialInstanceState } from './instance-aggregate';
import { canStopInstance, TERMINAL_INSTANCE_STATES } from './instance-state';

const decide = (s: InstanceAggregate, c: InstanceCommand): Result<InstanceEvent[]> => {
  switch (c.type) {
    case 'RequestInstanceStart': {
      if (s.instanceId) return fail('CONFLICT', `Instance ${c.instanceId} already exists`);
      const { instanceId, kind, ownerId, executorId, resources, at } = c;
      return ok([
        instanceEvent('InstanceStartRequested', { instanceId, kind, ownerId, executorId, resources, at }),
      ]);
    }
    case 'RecordInstanceState': {
      const { info, at } = c;
      // Drove accepts a report only if it is newer than the stored one; an older one is ignored, not an error.
      if (s.info && info.updated <= s.info.updated) return ok([]);
      if (s.state === 'STOPPED')
        return fail('NOT_ALLOWED', `Instance ${info.instanceId} has already stopped`);
      if (s.state === info.state) return ok([]);
      return ok([
        instanceEvent('InstanceStateChanged', { info, ...(s.state ? { previousState: s.state } : {}), at }),
      ]);
    }
    case 'RequestInstanceStop': {
      if (!s.instanceId || !s.executorId) return fail('NOT_FOUND', `No such instance ${c.instanceId}`);
      if (!s.state || !canStopInstance(s.state)) {
        return fail(
          'NOT_ALLOWED',
          `Instance ${c.instanceId} cannot be stopped in state ${s.state ?? 'PENDING'}`,
        );
      }
      if (s.stopRequested) return ok([]);
      return ok([
        instanceEvent('InstanceStopRequested', {
          instanceId: c.instanceId,
          executorId: s.executorId,
          at: c.at,
        }),
      ]);
    }
    case 'MarkInstanceLost': {
      if (!s.info) return fail('NOT_FOUND', `No such instance ${c.instanceId}`);
      if (s.state && TERMINAL_INSTANCE_STATES.includes(s.state)) return ok([]);
      const info = { ...s.info, state: 'LOST' as const, errorMessage: c.errorMessage, updated: c.at };
      return ok([instanceEvent('InstanceStateChanged', { info, previousState: s.info.state, at: c.at })]);
    }
  }
};

const evolve = (s: InstanceAggregate, e: InstanceEvent): InstanceAggregate => {
  switch (e.type) {
    case 'InstanceStartRequested': {
      const { instanceId, kind, ownerId, executorId, resources, at } = e.data;
      return { ...s, instanceId, kind, ownerId, executorId, resources, created: at, updated: at };
    }
    case 'InstanceStateChanged': {
      const { info, at } = e.data;
      const kind = 'serviceId' in info ? 'LOCAL_SERVICE' : 'APPLICATION';
      const ownerId = 'serviceId' in info ? info.serviceId : info.appId;
      return {
        ...s,
        instanceId: info.instanceId,
        kind,
        ownerId,
        executorId: info.executorId,
        resources: info.resources,
        state: info.state,
        info,
        created: s.created ?? info.created,
        updated: at,
      };
    }
    case 'InstanceStopRequested':
      return { ...s, stopRequested: true, updated: e.data.at };
  }
};

export const instanceDecider: Decider<InstanceAggregate, InstanceCommand, InstanceEvent> = {
  initialState: initialInstanceState,
  decide,
  evolve,
};
