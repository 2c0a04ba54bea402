import { DomainEvent } from '../../common/event';
import { ClusterOpSpecJson } from '../../common/wire-types';

// State REPLACE_INSTANCES_REQUESTED; `instanceIds` is resolved (all healthy ones when the operation named none).
export type ApplicationInstancesReplaceRequestedEvent = DomainEvent<
  'ApplicationInstancesReplaceRequested',
  { appId: string; instanceIds: string[]; stopFirst: boolean; opSpec: ClusterOpSpecJson; at: number }
>;
