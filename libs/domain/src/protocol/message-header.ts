import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';

// Controller <-> executor messages (section 5.4): a header on every message, a bare response with a status.

export const SENDER_TYPES = ['CONTROLLER', 'EXECUTOR'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const MESSAGE_STATUSES = ['HANDLED', 'ACCEPTED', 'REJECTED', 'FAILED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageHeader {
  id: string;
  senderType: SenderType;
  direction: 'REQUEST' | 'REPLY';
  replyToId?: string;
  messageTime: number;
}

// Not wrapped in Drove's ApiResponse; only ACCEPTED counts as success.
export interface MessageResponse {
  header: MessageHeader;
  status: MessageStatus;
}

export const requestHeader = (senderType: SenderType, ids: IdGenerator, clock: Clock): MessageHeader => ({
  id: ids.uuid(),
  senderType,
  direction: 'REQUEST',
  messageTime: clock.now(),
});

export const messageResponse = (
  request: { header: MessageHeader },
  status: MessageStatus,
): MessageResponse => ({
  header: request.header,
  status,
});
