import { ExecutorAddressJson, ExecutorMessage, MessageStatus } from '@drove/domain';

export interface SendResult {
  status: MessageStatus;
  /** Why it was not ACCEPTED (HTTP status, network error, timeout), for the log. */
  error?: string;
}

/** Controller -> executor messages (`POST /apis/v1/messages` on the executor). */
export interface ExecutorMessenger {
  send(address: ExecutorAddressJson, message: ExecutorMessage): Promise<SendResult>;
}

export const EXECUTOR_MESSENGER = Symbol('ExecutorMessenger');
