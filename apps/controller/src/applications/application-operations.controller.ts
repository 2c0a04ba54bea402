import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal';
import { Roles } from '../auth/route-access';
import { ApiResponse, success } from '../http/api-response';
import { API_ACTOR, ApplicationOperationsHandler } from './application-operations.handler';

@Controller('apis/v1')
@Roles('RW')
export class ApplicationOperationsController {
  constructor(private readonly handler: ApplicationOperationsHandler) {}

  @Post('applications/operations')
  @HttpCode(200)
  async operation(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<{ appId: string }>> {
    return success(await this.handler.handle(body, actorOf(request)));
  }

  /** Drove's deprecated alias, still used by older clients. */
  @Post('operations')
  @HttpCode(200)
  async deprecatedOperation(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<{ appId: string }>> {
    return success(await this.handler.handle(body, actorOf(request)));
  }
}

/** The log names who asked for each change: the authenticated principal. */
const actorOf = (request: FastifyRequest): string => principalOf(request)?.name ?? API_ACTOR;
