import { Decider } from '../common/decider';
import { Result, fail, ok } from '../common/result';
import { InstanceCommand } from './commands';
import { InstanceEvent, instanceEvent } from './events';
import { InstanceAggregate, initialInstanceState } from './instance-aggregate';
import { AnyInstanceInfoJson } from './instance-info';
import { ACTIVE_INSTANCE_STATES, canStopInstance, TERMINAL_INSTANCE_STATES } from './instance-state';

/** Drove's error text on an instance marked LOST because nothing was heard of it. */
export const INSTANCE_LOST_MESSAGE = 'Instance lost';

const lostEvent = (info: AnyInstanceInfoJson, errorMessage: string, at: number): InstanceEvent => {
  const lost = { ...info, state: 'LOST' as const, errorMessage, updated: at };
  return instanceEvent('InstanceStateChanged', { info: lost, previousState: info.state, at });
};

const decide = (s: InstanceAggregate, c: InstanceCommand): Result<InstanceEvent[]> => {
  switch (c.type) {
    case 'RequestInstanceStart': {
      if (s.instanceId) return fail('CONFLICT', `Instance ${c.instanceId} already exists`);
      const { instanceId, kind, ownerId, executorId, resources, replaces, at } = c;
      const data = { instanceId, kind, ownerId, executorId, resources, at };
      return ok([instanceEvent('InstanceStartRequested', replaces ? { ...data, replaces } : data)]);
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
      return ok([lostEvent(s.info, c.errorMessage, c.at)]);
    }
    case 'MarkStaleInstanceLost': {
      if (!s.info) return fail('NOT_FOUND', `No such instance ${c.instanceId}`);
      if (!s.state || !ACTIVE_INSTANCE_STATES.includes(s.state)) return ok([]);
      const heard = Math.max(c.lastHeardAt, s.updated ?? 0);
      if (c.at - heard <= c.stalenessMs) return ok([]);
      return ok([lostEvent(s.info, INSTANCE_LOST_MESSAGE, c.at)]);
    }
  }
};

const evolve = (s: InstanceAggregate, e: InstanceEvent): InstanceAggregate => {
  switch (e.type) {
    case 'InstanceStartRequested': {
      const { instanceId, kind, ownerId, executorId, resources, replaces, at } = e.data;
      const placed = { ...s, instanceId, kind, ownerId, executorId, resources, created: at, updated: at };
      return replaces ? { ...placed, replaces } : placed;
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
