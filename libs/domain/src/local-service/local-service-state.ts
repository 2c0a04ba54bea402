import { ClusterOpSpecJson, LocalServiceSpecJson } from '../common/wire-types';
import { LocalServiceOperationType } from '../operations/local-service-operation.dto';

export const LOCAL_SERVICE_STATES = [
  'INIT',
  'ACTIVATION_REQUESTED',
  'CONFIG_TESTING_REQUESTED',
  'DEACTIVATION_REQUESTED',
  'EMERGENCY_DEACTIVATION_REQUESTED',
  'INACTIVE',
  'ACTIVE',
  'CONFIG_TESTING',
  'ADJUSTING_INSTANCES',
  'DEPLOYING_TEST_INSTANCE',
  'REPLACING_INSTANCES',
  'STOPPING_INSTANCES',
  'UPDATING_INSTANCES_COUNT',
  'DESTROY_REQUESTED',
  'DESTROYED',
] as const;
export type LocalServiceState = (typeof LOCAL_SERVICE_STATES)[number];

export const ACTIVATION_STATES = ['ACTIVE', 'CONFIG_TESTING', 'INACTIVE'] as const;
export type ActivationState = (typeof ACTIVATION_STATES)[number];

// Drove's allowed operations per state (section 3.5); CREATE is checked separately.
export const ALLOWED_LOCAL_SERVICE_OPERATIONS: Record<
  LocalServiceState,
  readonly LocalServiceOperationType[]
> = {
  INIT: [],
  ACTIVATION_REQUESTED: [],
  CONFIG_TESTING_REQUESTED: [],
  DEACTIVATION_REQUESTED: [],
  EMERGENCY_DEACTIVATION_REQUESTED: ['DEACTIVATE'],
  INACTIVE: ['ACTIVATE', 'DEPLOY_TEST_INSTANCE', 'ADJUST_INSTANCES', 'DESTROY', 'UPDATE_INSTANCE_COUNT'],
  ACTIVE: [
    'DEACTIVATE',
    'UPDATE_INSTANCE_COUNT',
    'ADJUST_INSTANCES',
    'REPLACE_INSTANCES',
    'RESTART',
    'STOP_INSTANCES',
  ],
  CONFIG_TESTING: [
    'ACTIVATE',
    'DEACTIVATE',
    'ADJUST_INSTANCES',
    'REPLACE_INSTANCES',
    'RESTART',
    'STOP_INSTANCES',
  ],
  ADJUSTING_INSTANCES: [],
  DEPLOYING_TEST_INSTANCE: [],
  REPLACING_INSTANCES: [],
  STOPPING_INSTANCES: [],
  UPDATING_INSTANCES_COUNT: [],
  DESTROY_REQUESTED: [],
  DESTROYED: [],
};

// The state an operation puts the service in while a saga carries it out.
export const OPERATION_STATE: Record<Exclude<LocalServiceOperationType, 'CREATE'>, LocalServiceState> = {
  ACTIVATE: 'ACTIVATION_REQUESTED',
  DEACTIVATE: 'DEACTIVATION_REQUESTED',
  RESTART: 'REPLACING_INSTANCES',
  ADJUST_INSTANCES: 'ADJUSTING_INSTANCES',
  DEPLOY_TEST_INSTANCE: 'DEPLOYING_TEST_INSTANCE',
  REPLACE_INSTANCES: 'REPLACING_INSTANCES',
  STOP_INSTANCES: 'STOPPING_INSTANCES',
  UPDATE_INSTANCE_COUNT: 'UPDATING_INSTANCES_COUNT',
  DESTROY: 'DESTROY_REQUESTED',
};

// Where a successful operation leaves the service; the others return to the activation state it had.
export const SUCCESS_STATE: Partial<Record<LocalServiceOperationType, ActivationState>> = {
  ACTIVATE: 'ACTIVE',
  DEACTIVATE: 'INACTIVE',
  DEPLOY_TEST_INSTANCE: 'CONFIG_TESTING',
};

export interface LocalServiceOperationDetails {
  instanceIds?: string[];
  stopFirst?: boolean;
  instancesPerHost?: number;
  opSpec?: ClusterOpSpecJson;
}

export interface LocalServiceAggregate {
  serviceId?: string;
  spec?: LocalServiceSpecJson;
  state?: LocalServiceState;
  activationState: ActivationState;
  instancesPerHost: number;
  operation?: { type: LocalServiceOperationType } & LocalServiceOperationDetails;
  cancelRequested: boolean;
  created?: number;
  updated?: number;
}

export const initialLocalServiceState: LocalServiceAggregate = {
  activationState: 'INACTIVE',
  instancesPerHost: 0,
  cancelRequested: false,
};

export const localServiceStream = (serviceId: string): string => `localservice-${serviceId}`;

export const localServiceExists = (s: LocalServiceAggregate): boolean =>
  s.state !== undefined && s.state !== 'DESTROYED';
