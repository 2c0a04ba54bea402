import { Result, fail, ok } from '../common/result';
import { InstanceInfoJson, LocalServiceInstanceInfoJson } from '../instance/instance-info';
import { TaskInfoJson } from '../task/task-info';
import { ExecutorNodeDataJson, ExecutorResourceSnapshotJson } from './executor-node-data';
import { MessageHeader } from './message-header';
import { checkEnvelope } from './message-parsing';

// Executor -> controller (`POST /apis/v1/messages` on the leader): a report per state change, and in RPC mode
// the periodic snapshot.

export interface InstanceStateReportMessage {
  type: 'INSTANCE_STATE_REPORT';
  header: MessageHeader;
  resourceSnapshot: ExecutorResourceSnapshotJson;
  instanceInfo: InstanceInfoJson;
}

export interface TaskStateReportMessage {
  type: 'TASK_STATE_REPORT';
  header: MessageHeader;
  resourceSnapshot: ExecutorResourceSnapshotJson;
  instanceInfo: TaskInfoJson;
}

export interface LocalServiceInstanceStateReportMessage {
  type: 'LOCAL_SERVICE_INSTANCE_STATE_REPORT';
  header: MessageHeader;
  resourceSnapshot: ExecutorResourceSnapshotJson;
  instanceInfo: LocalServiceInstanceInfoJson;
}

export interface ExecutorSnapshotMessage {
  type: 'EXECUTOR_SNAPSHOT';
  header: MessageHeader;
  nodeData: ExecutorNodeDataJson;
}

export type ControllerMessage =
  | InstanceStateReportMessage
  | TaskStateReportMessage
  | LocalServiceInstanceStateReportMessage
  | ExecutorSnapshotMessage;

export type ControllerMessageType = ControllerMessage['type'];

export const CONTROLLER_MESSAGE_TYPES: readonly ControllerMessageType[] = [
  'INSTANCE_STATE_REPORT',
  'TASK_STATE_REPORT',
  'LOCAL_SERVICE_INSTANCE_STATE_REPORT',
  'EXECUTOR_SNAPSHOT',
];

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

export const parseControllerMessage = (json: unknown): Result<ControllerMessage> => {
  const checked = checkEnvelope(json, CONTROLLER_MESSAGE_TYPES);
  if (!checked.ok) return checked;
  const message = checked.value;
  if (message.type === 'EXECUTOR_SNAPSHOT') {
    return isObject(message.nodeData)
      ? ok(message as unknown as ControllerMessage)
      : fail('INVALID', 'EXECUTOR_SNAPSHOT needs nodeData');
  }
  if (!isObject(message.instanceInfo) || !isObject(message.resourceSnapshot)) {
    return fail('INVALID', `${message.type} needs instanceInfo and resourceSnapshot`);
  }
  return ok(message as unknown as ControllerMessage);
};
