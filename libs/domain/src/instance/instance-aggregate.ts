import { InstanceState } from './instance-state';
import { AnyInstanceInfoJson, ResourceAllocationJson } from './instance-info';

export type InstanceKind = 'APPLICATION' | 'LOCAL_SERVICE';

export interface InstanceAggregate {
  instanceId?: string;
  kind?: InstanceKind;
  // appId or serviceId
  ownerId?: string;
  executorId?: string;
  resources?: ResourceAllocationJson[];
  /** The old instance a REPLACE started this one for. */
  replaces?: string;
  state?: InstanceState;
  info?: AnyInstanceInfoJson;
  stopRequested: boolean;
  created?: number;
  updated?: number;
}

export const initialInstanceState: InstanceAggregate = { stopRequested: false };

export const instanceStream = (instanceId: string): string => `instance-${instanceId}`;
