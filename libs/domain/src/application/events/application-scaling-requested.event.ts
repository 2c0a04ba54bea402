import { DomainEvent } from '../../common/event';
import { ClusterOpSpecJson } from '../../common/wire-types';

// State SCALING_REQUESTED: the expected count becomes `requiredInstances`; the scaling saga acts on it.
export type ApplicationScalingRequestedEvent = DomainEvent<
  'ApplicationScalingRequested',
  { appId: string; requiredInstances: number; opSpec: ClusterOpSpecJson; at: number }
>;
