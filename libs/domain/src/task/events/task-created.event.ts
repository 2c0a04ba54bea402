import { DomainEvent } from '../../common/event';
import { ClusterOpSpecJson, TaskSpecJson } from '../../common/wire-types';

export type TaskCreatedEvent = DomainEvent<
  'TaskCreated',
  { taskRunId: string; instanceId: string; spec: TaskSpecJson; opSpec: ClusterOpSpecJson; at: number }
>;
