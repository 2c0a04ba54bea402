import { DomainEvent } from '../../common/event';
import { ClusterOpSpecJson } from '../../common/wire-types';

// State STOP_INSTANCES_REQUESTED.
export type ApplicationInstancesStopRequestedEvent = DomainEvent<
  'ApplicationInstancesStopRequested',
  { appId: string; instanceIds: string[]; skipRespawn: boolean; opSpec: ClusterOpSpecJson; at: number }
>;
