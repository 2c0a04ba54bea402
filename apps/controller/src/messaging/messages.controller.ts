import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MessageResponse, messageResponse, parseControllerMessage } from '@drove/domain';
import { Roles } from '../auth/route-access';
import { requestActor } from '../cqrs/request-actor';
import { CommandValidationError } from '../http/drove-errors';
import { ExecutorReportsHandler } from './executor-reports.handler';
import { ApiBadRequestResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiAuthResponses } from '../openapi/api-envelope';
import { CLUSTER_AUTH, MessageResponseDto } from '@drove/openapi';
import { ApiControllerMessageBody } from '../openapi/request-bodies';
import { FailedResponseDto } from '../openapi/schemas/failure.dto';

/**
 * `POST /apis/v1/messages`: executors' state reports and snapshots. The answer is Drove's bare MessageResponse
 * (not the ApiResponse envelope); ACCEPTED once the report is recorded.
 */
@ApiTags('messages')
@ApiSecurity(CLUSTER_AUTH)
@Controller('apis/v1/messages')
@Roles('NODE')
export class MessagesController {
  constructor(private readonly reports: ExecutorReportsHandler) {}

  @Post()
  @HttpCode(200)
  @ApiControllerMessageBody()
  @ApiOkResponse({ type: MessageResponseDto })
  @ApiBadRequestResponse({ type: FailedResponseDto, description: 'Message refused' })
  @ApiAuthResponses()
  async receive(@Body() body: unknown, @Req() request: FastifyRequest): Promise<MessageResponse> {
    const parsed = parseControllerMessage(body);
    if (!parsed.ok) throw new CommandValidationError(parsed.error.messages);
    await this.reports.handle(parsed.value, requestActor(request));
    return messageResponse(parsed.value, 'ACCEPTED');
  }
}
