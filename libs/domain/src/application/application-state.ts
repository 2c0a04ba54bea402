import { ApplicationOperationType } from '../operations/application-operation.dto';
import { AppId } from '../common/ids';
import { ApplicationSpecJson, ClusterOpSpecJson } from '../common/wire-types';

export const APPLICATION_STATES = [
  'INIT',
  'MONITORING',
  'RUNNING',
  'OUTAGE_DETECTED',
  'SCALING_REQUESTED',
  'STOP_INSTANCES_REQUESTED',
  'REPLACE_INSTANCES_REQUESTED',
  'DESTROY_REQUESTED',
  'DESTROYED',
  'FAILED',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const ACTIVE_APP_STATES: readonly ApplicationState[] = [
  'RUNNING',
  'OUTAGE_DETECTED',
  'SCALING_REQUESTED',
  'STOP_INSTANCES_REQUESTED',
  'REPLACE_INSTANCES_REQUESTED',
  'DESTROY_REQUESTED',
];

// States in which an operation is being carried out (by a saga) and can be completed or cancelled.
export const OPERATION_STATES: readonly ApplicationState[] = [
  'SCALING_REQUESTED',
  'STOP_INSTANCES_REQUESTED',
  'REPLACE_INSTANCES_REQUESTED',
  'DESTROY_REQUESTED',
];

// Drove's ApplicationCommandValidator table (CREATE is checked separately: the app must not exist).
export const ALLOWED_APP_OPERATIONS: Record<ApplicationState, readonly ApplicationOperationType[]> = {
  INIT: [],
  MONITORING: ['START_INSTANCES', 'SCALE_INSTANCES', 'DESTROY', 'RECOVER'],
  RUNNING: [
    'START_INSTANCES',
    'STOP_INSTANCES',
    'SCALE_INSTANCES',
    'REPLACE_INSTANCES',
    'SUSPEND',
    'RECOVER',
  ],
  OUTAGE_DETECTED: [],
  SCALING_REQUESTED: ['SCALE_INSTANCES'],
  STOP_INSTANCES_REQUESTED: [],
  REPLACE_INSTANCES_REQUESTED: [],
  DESTROY_REQUESTED: [],
  DESTROYED: [],
  FAILED: [],
};

export type RunningApplicationOperation =
  | { type: 'SCALE_INSTANCES'; requiredInstances: number; opSpec: ClusterOpSpecJson }
  | { type: 'STOP_INSTANCES'; instanceIds: string[]; skipRespawn: boolean; opSpec: ClusterOpSpecJson }
  | { type: 'REPLACE_INSTANCES'; instanceIds: string[]; stopFirst: boolean; opSpec: ClusterOpSpecJson }
  | { type: 'DESTROY'; opSpec: ClusterOpSpecJson };

export interface ApplicationAggregate {
  appId?: AppId;
  state?: ApplicationState;
  spec?: ApplicationSpecJson;
  // the expected instance count (Drove's ApplicationInfo.instances)
  instances: number;
  operation?: RunningApplicationOperation;
  cancelRequested: boolean;
  lastError?: string;
  created?: number;
  updated?: number;
}

export const initialApplicationState: ApplicationAggregate = { instances: 0, cancelRequested: false };

export const applicationExists = (s: ApplicationAggregate): boolean =>
  s.state !== undefined && s.state !== 'DESTROYED';
