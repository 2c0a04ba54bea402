import { MessageHeader, MessageResponse, MessageStatus, SenderType } from '@drove/domain';

// The header every controller <-> executor message carries, and the bare answer to each.

export class MessageHeaderDto implements MessageHeader {
  id!: string;
  senderType!: SenderType;
  direction!: 'REQUEST' | 'REPLY';
  replyToId?: string;
  /** Epoch ms. */
  messageTime!: number;
}

/** Drove's bare MessageResponse (no envelope): only ACCEPTED counts as success. */
export class MessageResponseDto implements MessageResponse {
  header!: MessageHeaderDto;
  status!: MessageStatus;
}
