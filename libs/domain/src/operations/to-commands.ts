import { ApplicationCommand } from '../application/commands';
import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import { appIdOf, localServiceIdOf, newTaskInstanceId, taskRunIdOf } from '../common/ids';
import {
  ApplicationSpecJson,
  ClusterOpSpecJson,
  LocalServiceSpecJson,
  TaskSpecJson,
} from '../common/wire-types';
import { LocalServiceCommand } from '../local-service/commands';
import { ClusterOpSpecDto, DEFAULT_CLUSTER_OP_SPEC } from '../specs/cluster-op-spec.dto';
import { toWire } from '../specs/wire';
import { TaskCommand } from '../task/commands';
import { ApplicationOperationDto } from './application-operation.dto';
import { LocalServiceOperationDto } from './local-service-operation.dto';
import { TaskOperationDto } from './task-operation.dto';

// From a parsed Drove operation to the command of the aggregate it targets, in wire form, plus the id the API
// answers with. What the decider needs from the views (healthy and active instance ids) is passed in.

export interface ApplicationInstancesView {
  healthyInstanceIds: string[];
  activeInstanceIds: string[];
}

// An operation without an opSpec (RECOVER never has one) runs with the controller's configured default
// (`clusterOpTimeout`, `clusterOpParallelism`), as Drove's injected ClusterOpSpec.
const wireOpSpec = (opSpec: unknown, fallback: ClusterOpSpecDto): ClusterOpSpecJson =>
  toWire(opSpec ?? fallback) as ClusterOpSpecJson;

export const applicationCommandOf = (
  op: ApplicationOperationDto,
  view: ApplicationInstancesView,
  clock: Clock,
  defaultOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
): { appId: string; command: ApplicationCommand } => {
  const at = clock.now();
  if (op.type === 'CREATE') {
    const spec = toWire(op.spec) as ApplicationSpecJson;
    return {
      appId: appIdOf(spec.name, spec.version),
      command: {
        type: 'CreateApplication',
        spec,
        instances: op.instances,
        opSpec: wireOpSpec(op.opSpec, defaultOpSpec),
        at,
      },
    };
  }
  const appId = op.appId;
  const opSpec = wireOpSpec(op.type === 'RECOVER' ? undefined : op.opSpec, defaultOpSpec);
  const command = ((): ApplicationCommand => {
    switch (op.type) {
      case 'DESTROY':
        return { type: 'DestroyApplication', appId, opSpec, at };
      case 'START_INSTANCES': {
        const healthyInstances = view.healthyInstanceIds.length;
        return {
          type: 'StartApplicationInstances',
          appId,
          instances: op.instances,
          opSpec,
          healthyInstances,
          at,
        };
      }
      case 'STOP_INSTANCES': {
        const { instanceIds, skipRespawn = false } = op;
        const activeInstanceIds = view.activeInstanceIds;
        return {
          type: 'StopApplicationInstances',
          appId,
          instanceIds,
          skipRespawn,
          opSpec,
          activeInstanceIds,
          at,
        };
      }
      case 'SCALE':
        return { type: 'ScaleApplication', appId, requiredInstances: op.requiredInstances, opSpec, at };
      case 'REPLACE_INSTANCES': {
        const { instanceIds = [], stopFirst = false } = op;
        const healthyInstanceIds = view.healthyInstanceIds;
        return {
          type: 'ReplaceApplicationInstances',
          appId,
          instanceIds,
          stopFirst,
          opSpec,
          healthyInstanceIds,
          at,
        };
      }
      case 'SUSPEND':
        return { type: 'SuspendApplication', appId, opSpec, at };
      case 'RECOVER':
        return { type: 'RecoverApplication', appId, opSpec, at };
    }
  })();
  return { appId, command };
};

// CREATE answers `<sourceAppName>-<taskId>`, KILL the bare task id (as Drove does).
export const taskCommandOf = (
  op: TaskOperationDto,
  ids: IdGenerator,
  clock: Clock,
  defaultOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
): { taskId: string; command: TaskCommand } => {
  const at = clock.now();
  if (op.type === 'CREATE') {
    const spec = toWire(op.spec) as TaskSpecJson;
    const instanceId = newTaskInstanceId(ids);
    return {
      taskId: taskRunIdOf(spec.sourceAppName, spec.taskId),
      command: { type: 'CreateTask', spec, opSpec: wireOpSpec(op.opSpec, defaultOpSpec), instanceId, at },
    };
  }
  const { sourceAppName, taskId } = op;
  return {
    taskId,
    command: { type: 'KillTask', sourceAppName, taskId, opSpec: wireOpSpec(op.opSpec, defaultOpSpec), at },
  };
};

export const localServiceCommandOf = (
  op: LocalServiceOperationDto,
  clock: Clock,
): { serviceId: string; command: LocalServiceCommand } => {
  const at = clock.now();
  if (op.type === 'CREATE') {
    const spec = toWire(op.spec) as LocalServiceSpecJson;
    return {
      serviceId: localServiceIdOf(spec.name, spec.version),
      command: { type: 'CreateLocalService', spec, instancesPerHost: op.instancesPerHost, at },
    };
  }
  const fields = op as Partial<Record<'instanceIds' | 'stopFirst' | 'instancesPerHost', unknown>> & {
    opSpec?: unknown;
    clusterOpSpec?: unknown;
  };
  const opSpec = fields.opSpec ?? fields.clusterOpSpec;
  const details = toWire({
    instanceIds: fields.instanceIds,
    stopFirst: fields.stopFirst,
    instancesPerHost: fields.instancesPerHost,
    opSpec: opSpec ? (toWire(opSpec) as ClusterOpSpecJson) : undefined,
  }) as object;
  return {
    serviceId: op.serviceId,
    command: {
      type: 'RequestLocalServiceOperation',
      serviceId: op.serviceId,
      operation: op.type,
      ...details,
      at,
    },
  };
};
