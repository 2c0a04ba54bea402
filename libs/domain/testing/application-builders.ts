import { ApplicationCommand } from '../src/application/commands';
import { ApplicationEvent, applicationEvent } from '../src/application/events';
import { ApplicationState } from '../src/application/application-state';
import { ApplicationSpecJson, ClusterOpSpecJson } from '../src/common/wire-types';
import { ApplicationOperationType } from '../src/operations/application-operation.dto';
import { minimalApplicationSpecJson, opSpecJson } from '../src/testing/spec-fixtures';

export const APP_ID = 'mini-1';
export const T0 = 1_700_000_000_000;
export const opSpec = (): ClusterOpSpecJson => opSpecJson();
export const appSpec = (): ApplicationSpecJson => minimalApplicationSpecJson() as ApplicationSpecJson;

export const created = (instances = 0, at = T0): ApplicationEvent =>
  applicationEvent('ApplicationCreated', { appId: APP_ID, spec: appSpec(), instances, at });
export const scalingRequested = (requiredInstances: number, at = T0): ApplicationEvent =>
  applicationEvent('ApplicationScalingRequested', { appId: APP_ID, requiredInstances, opSpec: opSpec(), at });
export const completed = (
  operation: string,
  state: 'RUNNING' | 'MONITORING',
  instances: number,
  at = T0,
): ApplicationEvent =>
  applicationEvent('ApplicationOperationCompleted', {
    appId: APP_ID,
    operation,
    outcome: 'SUCCEEDED',
    state,
    instances,
    at,
  });

const running = (): ApplicationEvent[] => [
  created(2),
  scalingRequested(2),
  completed('SCALE_INSTANCES', 'RUNNING', 2),
];
const monitoring = (): ApplicationEvent[] => [created(0), completed('CREATE', 'MONITORING', 0)];

// Histories that leave the application in each state (undefined: no application).
export const HISTORY_FOR: Record<ApplicationState | 'ABSENT', () => ApplicationEvent[]> = {
  ABSENT: () => [],
  INIT: () => [created(0)],
  MONITORING: monitoring,
  RUNNING: running,
  OUTAGE_DETECTED: () => [
    ...running(),
    applicationEvent('ApplicationOutageDetected', { appId: APP_ID, at: T0 }),
  ],
  SCALING_REQUESTED: () => [created(2), scalingRequested(2)],
  STOP_INSTANCES_REQUESTED: () => [
    ...running(),
    applicationEvent('ApplicationInstancesStopRequested', {
      appId: APP_ID,
      instanceIds: ['AI-1'],
      skipRespawn: false,
      opSpec: opSpec(),
      at: T0,
    }),
  ],
  REPLACE_INSTANCES_REQUESTED: () => [
    ...running(),
    applicationEvent('ApplicationInstancesReplaceRequested', {
      appId: APP_ID,
      instanceIds: ['AI-1', 'AI-2'],
      stopFirst: false,
      opSpec: opSpec(),
      at: T0,
    }),
  ],
  DESTROY_REQUESTED: () => [
    ...monitoring(),
    applicationEvent('ApplicationDestroyRequested', { appId: APP_ID, opSpec: opSpec(), at: T0 }),
  ],
  DESTROYED: () => [
    ...monitoring(),
    applicationEvent('ApplicationDestroyRequested', { appId: APP_ID, opSpec: opSpec(), at: T0 }),
    applicationEvent('ApplicationDestroyed', { appId: APP_ID, at: T0 }),
  ],
  // never entered by any transition, as in Drove
  FAILED: () => [],
};

// One command per Drove operation type, valid in content, for the state x operation matrix.
export const COMMAND_FOR: Record<Exclude<ApplicationOperationType, 'CREATE'>, () => ApplicationCommand> = {
  START_INSTANCES: () => ({
    type: 'StartApplicationInstances',
    appId: APP_ID,
    instances: 1,
    opSpec: opSpec(),
    healthyInstances: 2,
    at: T0 + 1,
  }),
  STOP_INSTANCES: () => ({
    type: 'StopApplicationInstances',
    appId: APP_ID,
    instanceIds: ['AI-1'],
    skipRespawn: false,
    opSpec: opSpec(),
    activeInstanceIds: ['AI-1', 'AI-2'],
    at: T0 + 1,
  }),
  SCALE_INSTANCES: () => ({
    type: 'ScaleApplication',
    appId: APP_ID,
    requiredInstances: 3,
    opSpec: opSpec(),
    at: T0 + 1,
  }),
  REPLACE_INSTANCES: () => ({
    type: 'ReplaceApplicationInstances',
    appId: APP_ID,
    instanceIds: [],
    stopFirst: false,
    opSpec: opSpec(),
    healthyInstanceIds: ['AI-1', 'AI-2'],
    at: T0 + 1,
  }),
  SUSPEND: () => ({ type: 'SuspendApplication', appId: APP_ID, opSpec: opSpec(), at: T0 + 1 }),
  RECOVER: () => ({ type: 'RecoverApplication', appId: APP_ID, opSpec: opSpec(), at: T0 + 1 }),
  DESTROY: () => ({ type: 'DestroyApplication', appId: APP_ID, opSpec: opSpec(), at: T0 + 1 }),
};
