import {
  InstanceInfoJson,
  InstanceState,
  LocalServiceInstanceInfoJson,
  TaskInfoJson,
  TaskResultJson,
  TaskState,
} from '@drove/domain';
import { ContainerSpec, InstanceIdentity } from '../containers/container-spec';
import { ExecutorInstanceInfo } from '../containers/executor-instance-info';

// The three records an executor reports (Drove's InstanceInfo, LocalServiceInstanceInfo and TaskInfo), built
// from the executor-side instance record kept in the container label plus the current state.

export type StateRecord =
  | { kind: 'INSTANCE'; info: InstanceInfoJson }
  | { kind: 'LOCAL_SERVICE_INSTANCE'; info: LocalServiceInstanceInfoJson }
  | { kind: 'TASK'; info: TaskInfoJson };

interface Common {
  state: string;
  errorMessage: string;
  updated: number;
}

export function serviceRecord(
  info: ExecutorInstanceInfo,
  identity: InstanceIdentity,
  current: Common & { state: InstanceState },
): StateRecord {
  const base = {
    instanceId: info.instanceId,
    executorId: info.executorId,
    localInfo: info.localInfo,
    resources: info.resources,
    state: current.state,
    metadata: info.metadata,
    errorMessage: current.errorMessage,
    created: info.created,
    updated: current.updated,
  };
  if (identity.jobType === 'LOCAL_SERVICE') {
    return {
      kind: 'LOCAL_SERVICE_INSTANCE',
      info: { ...base, serviceId: identity.serviceId, serviceName: identity.serviceName },
    };
  }
  if (identity.jobType === 'SERVICE') {
    return { kind: 'INSTANCE', info: { ...base, appId: identity.appId, appName: identity.appName } };
  }
  throw new Error(`${info.instanceId} is not a service instance`);
}

export function taskRecord(
  info: ExecutorInstanceInfo,
  spec: ContainerSpec,
  current: Common & { state: TaskState; taskResult?: TaskResultJson },
): StateRecord {
  const identity = spec.identity;
  if (identity.jobType !== 'COMPUTATION') throw new Error(`${info.instanceId} is not a task`);
  return {
    kind: 'TASK',
    info: {
      sourceAppName: identity.sourceAppName,
      taskId: identity.taskId,
      instanceId: info.instanceId,
      executorId: info.executorId,
      hostname: info.hostname,
      executable: {
        type: 'DOCKER',
        url: spec.image,
        dockerPullTimeout: `${spec.pullTimeoutMs} milliseconds`,
      },
      resources: info.resources,
      volumes: spec.volumes,
      ...(spec.logging ? { loggingSpec: spec.logging } : {}),
      env: spec.env,
      state: current.state,
      metadata: info.metadata,
      ...(current.taskResult ? { taskResult: current.taskResult } : {}),
      errorMessage: current.errorMessage,
      created: info.created,
      updated: current.updated,
    },
  };
}
