import { applicationStream } from './application/application.decider';
import { ApplicationEvent } from './application/events';
import { CLUSTER_STREAM } from './cluster/cluster-aggregate';
import { ClusterEvent } from './cluster/events';
import { ExecutorEvent } from './executor/events';
import { executorStream } from './executor/executor-aggregate';
import { InstanceEvent } from './instance/events';
import { instanceStream } from './instance/instance-aggregate';
import { LocalServiceEvent } from './local-service/events';
import { localServiceStream } from './local-service/local-service-state';
import { TaskEvent } from './task/events';
import { taskStream } from './task/task-aggregate';

export type AnyDomainEvent =
  ApplicationEvent | InstanceEvent | TaskEvent | ExecutorEvent | LocalServiceEvent | ClusterEvent;

export type DomainEventType = AnyDomainEvent['type'];

type StreamOf = { [K in DomainEventType]: (data: Extract<AnyDomainEvent, { type: K }>['data']) => string };

const task = (data: { taskRunId: string }): string => `task-${data.taskRunId}`;

// The stream each event belongs to, from its own data; also the catalogue of every event type (its keys).
const STREAM_OF: StreamOf = {
  ApplicationCreated: (d) => applicationStream(d.appId),
  ApplicationScalingRequested: (d) => applicationStream(d.appId),
  ApplicationOutageDetected: (d) => applicationStream(d.appId),
  ApplicationInstancesStopRequested: (d) => applicationStream(d.appId),
  ApplicationInstancesReplaceRequested: (d) => applicationStream(d.appId),
  ApplicationDestroyRequested: (d) => applicationStream(d.appId),
  ApplicationOperationCancelRequested: (d) => applicationStream(d.appId),
  ApplicationOperationCompleted: (d) => applicationStream(d.appId),
  ApplicationDestroyed: (d) => applicationStream(d.appId),
  InstanceStartRequested: (d) => instanceStream(d.instanceId),
  InstanceStateChanged: (d) => instanceStream(d.info.instanceId),
  InstanceStopRequested: (d) => instanceStream(d.instanceId),
  TaskCreated: task,
  TaskStateChanged: (d) => taskStream(d.info.sourceAppName, d.info.taskId),
  TaskKillRequested: task,
  TaskDeleted: task,
  ExecutorAdded: (d) => executorStream(d.executorId),
  ExecutorStateChanged: (d) => executorStream(d.executorId),
  ExecutorRemoved: (d) => executorStream(d.executorId),
  ExecutorBlacklistRequested: (d) => executorStream(d.executorId),
  ExecutorBlacklisted: (d) => executorStream(d.executorId),
  ExecutorUnblacklisted: (d) => executorStream(d.executorId),
  LocalServiceCreated: (d) => localServiceStream(d.serviceId),
  LocalServiceOperationRequested: (d) => localServiceStream(d.serviceId),
  LocalServiceOperationCancelRequested: (d) => localServiceStream(d.serviceId),
  LocalServiceOperationCompleted: (d) => localServiceStream(d.serviceId),
  LocalServiceEmergencyDeactivationRequested: (d) => localServiceStream(d.serviceId),
  LocalServiceDestroyed: (d) => localServiceStream(d.serviceId),
  MaintenanceModeSet: () => CLUSTER_STREAM,
  MaintenanceModeRemoved: () => CLUSTER_STREAM,
  LeadershipAcquired: () => CLUSTER_STREAM,
};

export const DOMAIN_EVENT_TYPES = Object.keys(STREAM_OF) as DomainEventType[];

export const streamOf = (e: AnyDomainEvent): string =>
  (STREAM_OF[e.type] as (data: AnyDomainEvent['data']) => string)(e.data);
