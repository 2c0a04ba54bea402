import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  Logger,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MessageResponse, messageResponse, parseExecutorMessage } from '@drove/domain';
import { ApiExecutorMessage } from '../openapi/executor-api-docs';
import { MESSAGE_HANDLER } from './api-tokens';
import { ClusterSecretGuard } from './cluster-secret.guard';
import { ExecutorMessageHandler } from './executor-message-handler';
import { UnauthorizedFilter } from './unauthorized.filter';

@ApiTags('messages')
@Controller('apis/v1')
@UseGuards(ClusterSecretGuard)
@UseFilters(UnauthorizedFilter)
export class MessagesController {
  private readonly logger = new Logger('Messages');

  constructor(@Inject(MESSAGE_HANDLER) private readonly handler: ExecutorMessageHandler) {}

  // Answered as soon as the work is registered (the controller's client gives up after 1 s).
  @Post('messages')
  @HttpCode(200)
  @ApiExecutorMessage()
  receive(@Body() body: unknown): MessageResponse {
    const parsed = parseExecutorMessage(body);
    if (!parsed.ok) throw new BadRequestException(parsed.error.messages.join('; '));
    const handled = this.handler.handle(parsed.value);
    if (handled.reason) this.logger.warn(`${parsed.value.type} ${handled.status}: ${handled.reason}`);
    return messageResponse(parsed.value, handled.status);
  }
}
