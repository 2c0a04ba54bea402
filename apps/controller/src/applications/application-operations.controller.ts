import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../auth/route-access';
import { requestActor } from '../cqrs/request-actor';
import { ApiResponse, success } from '../http/api-response';
import { ApplicationOperationsHandler } from './application-operations.handler';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ApiApplicationOperationBody } from '../openapi/request-bodies';
import { AppIdDto } from '../openapi/schemas/operation-results.dto';

type AppIdResponse = ApiResponse<{ appId: string }>;

/** Each route also answers under Drove's deprecated `/apis/v1/operations` prefix, still used by older clients. */
@ApiTags('applications')
@Controller('apis/v1')
@Roles('RW')
export class ApplicationOperationsController {
  constructor(private readonly handler: ApplicationOperationsHandler) {}

  @Post(['applications/operations', 'operations'])
  @HttpCode(200)
  @ApiApplicationOperationBody()
  @ApiEnvelope(AppIdDto)
  async operation(@Body() body: unknown, @Req() request: FastifyRequest): Promise<AppIdResponse> {
    return success(await this.handler.handle(body, requestActor(request)));
  }

  @Post(['applications/operations/:appId/cancel', 'operations/:appId/cancel'])
  @HttpCode(200)
  @ApiEnvelope(null)
  async cancel(
    @Param('appId') appId: string,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<undefined>> {
    await this.handler.cancel(appId, requestActor(request));
    return success(undefined);
  }
}
