import { AppId } from '../common/ids';
import { ApplicationAggregate, initialApplicationState } from './application-state';
import { ApplicationEvent } from './events';

const touch = (s: ApplicationAggregate, at: number): ApplicationAggregate => ({ ...s, updated: at });

export const evolveApplication = (s: ApplicationAggregate, e: ApplicationEvent): ApplicationAggregate => {
  const d = e.data;
  switch (e.type) {
    case 'ApplicationCreated':
      return {
        ...initialApplicationState,
        appId: e.data.appId as AppId,
        state: 'INIT',
        spec: e.data.spec,
        instances: e.data.instances,
        created: d.at,
        updated: d.at,
      };
    case 'ApplicationScalingRequested':
      return touch(
        {
          ...s,
          state: 'SCALING_REQUESTED',
          instances: e.data.requiredInstances,
          operation: {
            type: 'SCALE_INSTANCES',
            requiredInstances: e.data.requiredInstances,
            opSpec: e.data.opSpec,
          },
          cancelRequested: false,
        },
        d.at,
      );
    case 'ApplicationOutageDetected':
      return touch({ ...s, state: 'OUTAGE_DETECTED' }, d.at);
    case 'ApplicationInstancesStopRequested': {
      const { instanceIds, skipRespawn, opSpec } = e.data;
      const operation = { type: 'STOP_INSTANCES' as const, instanceIds, skipRespawn, opSpec };
      return touch({ ...s, state: 'STOP_INSTANCES_REQUESTED', operation, cancelRequested: false }, d.at);
    }
    case 'ApplicationInstancesReplaceRequested': {
      const { instanceIds, stopFirst, opSpec } = e.data;
      const operation = { type: 'REPLACE_INSTANCES' as const, instanceIds, stopFirst, opSpec };
      return touch({ ...s, state: 'REPLACE_INSTANCES_REQUESTED', operation, cancelRequested: false }, d.at);
    }
    case 'ApplicationDestroyRequested': {
      const operation = { type: 'DESTROY' as const, opSpec: e.data.opSpec };
      return touch({ ...s, state: 'DESTROY_REQUESTED', operation, cancelRequested: false }, d.at);
    }
    case 'ApplicationOperationCancelRequested':
      return touch({ ...s, cancelRequested: true }, d.at);
    case 'ApplicationOperationCompleted':
      return touch(
        {
          ...s,
          state: e.data.state,
          instances: e.data.instances,
          operation: undefined,
          cancelRequested: false,
          lastError: e.data.error,
        },
        d.at,
      );
    case 'ApplicationDestroyed':
      return touch(
        { ...s, state: 'DESTROYED', operation: undefined, cancelRequested: false, instances: 0 },
        d.at,
      );
  }
};
