import {
  ApplicationCommand,
  ApplicationOperationDto,
  ApplicationSpecJson,
  ClusterOpSpecJson,
  appIdOf,
  toWire,
} from '@drove/domain';

const wireOpSpec = (opSpec: unknown): ClusterOpSpecJson => toWire(opSpec) as ClusterOpSpecJson;

/** The app an operation is about: `name-version` for CREATE, else the operation's `appId`. */
export const operationAppId = (op: ApplicationOperationDto): string =>
  op.type === 'CREATE' ? appIdOf(op.spec.name, op.spec.version) : op.appId;

/**
 * Drove's operation -> our command. Counts Drove reads as Java `long` primitives default to 0 when absent (the DTOs
 * let them through as undefined): drove-cli's `apps create` sends no `instances`. The instance lists some deciders check against come from the instance view;
 * no executor runs instances yet, so they are empty (and a STOP_INSTANCES of any id is refused as unknown).
 */
export function applicationCommand(op: ApplicationOperationDto, at: number): ApplicationCommand {
  switch (op.type) {
    case 'CREATE':
      return {
        type: 'CreateApplication',
        spec: toWire(op.spec) as ApplicationSpecJson,
        instances: op.instances ?? 0,
        opSpec: wireOpSpec(op.opSpec),
        at,
      };
    case 'SCALE':
      return {
        type: 'ScaleApplication',
        appId: op.appId,
        requiredInstances: op.requiredInstances ?? 0,
        opSpec: wireOpSpec(op.opSpec),
        at,
      };
    case 'START_INSTANCES':
      return {
        type: 'StartApplicationInstances',
        appId: op.appId,
        instances: op.instances ?? 0,
        opSpec: wireOpSpec(op.opSpec),
        healthyInstances: 0,
        at,
      };
    case 'STOP_INSTANCES':
      return {
        type: 'StopApplicationInstances',
        appId: op.appId,
        instanceIds: op.instanceIds,
        skipRespawn: op.skipRespawn ?? false,
        opSpec: wireOpSpec(op.opSpec),
        activeInstanceIds: [],
        at,
      };
    case 'REPLACE_INSTANCES':
      return {
        type: 'ReplaceApplicationInstances',
        appId: op.appId,
        instanceIds: op.instanceIds ?? [],
        stopFirst: op.stopFirst ?? false,
        opSpec: wireOpSpec(op.opSpec),
        healthyInstanceIds: [],
        at,
      };
    case 'SUSPEND':
      return { type: 'SuspendApplication', appId: op.appId, opSpec: wireOpSpec(op.opSpec), at };
    case 'DESTROY':
      return { type: 'DestroyApplication', appId: op.appId, opSpec: wireOpSpec(op.opSpec), at };
    case 'RECOVER':
      return { type: 'RecoverApplication', appId: op.appId, opSpec: DEFAULT_OP_SPEC, at };
  }
}

/** Drove's controller default (`clusterOpTimeout` 300 s, parallelism 1, STOP) for operations that carry none. */
export const DEFAULT_OP_SPEC: ClusterOpSpecJson = {
  timeout: '300 seconds',
  parallelism: 1,
  failureStrategy: 'STOP',
};
