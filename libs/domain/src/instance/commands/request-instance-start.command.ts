import { ResourceAllocationJson } from '../instance-info';
import { InstanceKind } from '../instance-aggregate';

// The scheduler placed a new instance: recorded before START_INSTANCE is sent to the executor.
export interface RequestInstanceStartCommand {
  type: 'RequestInstanceStart';
  instanceId: string;
  kind: InstanceKind;
  ownerId: string;
  executorId: string;
  resources: ResourceAllocationJson[];
  /** Set by a REPLACE: the old instance this one takes over from. */
  replaces?: string;
  at: number;
}
