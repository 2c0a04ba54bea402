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
    at: number;
  }
>;
