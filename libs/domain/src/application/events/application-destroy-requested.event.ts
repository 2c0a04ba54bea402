import { DomainEvent } from '../../common/event';
import { ClusterOpSpecJson } from '../../common/wire-types';

// State DESTROY_REQUESTED.
export type ApplicationDestroyRequestedEvent = DomainEvent<
  'ApplicationDestroyRequested',
  { appId: string; opSpec: ClusterOpSpecJson; at: number }
>;
