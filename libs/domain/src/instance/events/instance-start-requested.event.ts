import { DomainEvent } from '../../common/event';
import { ResourceAllocationJson } from '../instance-info';
import { InstanceKind } from '../instance-aggregate';

export type InstanceStartRequestedEvent = DomainEvent<
  'InstanceStartRequested',
  {
    instanceId: string;
    kind: InstanceKind;
    ownerId: string;
    executorId: string;
    resources: ResourceAllocationJson[];
    /** The instance a REPLACE started this one for: a new leader resumes the pair instead of starting another. */
    replaces?: string;
    at: number;
  }
>;
