import { Result, fail, ok } from '../common/result';
import { ExecutorAddressJson } from './executor-node-data';
import {
  ApplicationInstanceSpecJson,
  LocalServiceInstanceSpecJson,
  TaskInstanceSpecJson,
} from './instance-specs';
import { MessageHeader } from './message-header';
import { checkEnvelope } from './message-parsing';

// Controller -> executor (`POST /apis/v1/messages` on the executor).

interface ToExecutor<T extends string> {
  type: T;
  header: MessageHeader;
  address: ExecutorAddressJson;
}

export type StartInstanceMessage = ToExecutor<'START_INSTANCE'> & { spec: ApplicationInstanceSpecJson };
export type StopInstanceMessage = ToExecutor<'STOP_INSTANCE'> & { instanceId: string };
export type StartTaskMessage = ToExecutor<'START_TASK'> & { spec: TaskInstanceSpecJson };
export type StopTaskMessage = ToExecutor<'STOP_TASK'> & { instanceId: string };
export type StartLocalServiceInstanceMessage = ToExecutor<'START_LOCAL_SERVICE_INSTANCE'> & {
  spec: LocalServiceInstanceSpecJson;
};
export type StopLocalServiceInstanceMessage = ToExecutor<'STOP_LOCAL_SERVICE_INSTANCE'> & {
  instanceId: string;
};
export type BlacklistRequestedMessage = ToExecutor<'BLACKLIST_REQUESTED'>;
export type BlacklistMessage = ToExecutor<'BLACKLIST'>;
export type UnblacklistMessage = ToExecutor<'UNBLACKLIST'>;

export type ExecutorMessage =
  | StartInstanceMessage
  | StopInstanceMessage
  | StartTaskMessage
  | StopTaskMessage
  | StartLocalServiceInstanceMessage
  | StopLocalServiceInstanceMessage
  | BlacklistRequestedMessage
  | BlacklistMessage
  | UnblacklistMessage;

export type ExecutorMessageType = ExecutorMessage['type'];

// The field each message type must carry besides header and address.
const REQUIRED_FIELD: Record<ExecutorMessageType, 'spec' | 'instanceId' | undefined> = {
  START_INSTANCE: 'spec',
  STOP_INSTANCE: 'instanceId',
  START_TASK: 'spec',
  STOP_TASK: 'instanceId',
  START_LOCAL_SERVICE_INSTANCE: 'spec',
  STOP_LOCAL_SERVICE_INSTANCE: 'instanceId',
  BLACKLIST_REQUESTED: undefined,
  BLACKLIST: undefined,
  UNBLACKLIST: undefined,
};

export const EXECUTOR_MESSAGE_TYPES = Object.keys(REQUIRED_FIELD) as ExecutorMessageType[];

// A structural check of an incoming message; unknown fields are kept (Drove ignores them).
export const parseExecutorMessage = (json: unknown): Result<ExecutorMessage> => {
  const checked = checkEnvelope(json, EXECUTOR_MESSAGE_TYPES);
  if (!checked.ok) return checked;
  const message = checked.value as Record<string, unknown> & { type: ExecutorMessageType };
  const address = message.address as Record<string, unknown> | undefined;
  if (!address || typeof address.executorId !== 'string')
    return fail('INVALID', 'address.executorId is missing');
  const field = REQUIRED_FIELD[message.type];
  if (field === 'spec' && (typeof message.spec !== 'object' || message.spec === null)) {
    return fail('INVALID', `${message.type} needs a spec`);
  }
  if (field === 'instanceId' && typeof message.instanceId !== 'string') {
    return fail('INVALID', `${message.type} needs an instanceId`);
  }
  return ok(message as unknown as ExecutorMessage);
};
