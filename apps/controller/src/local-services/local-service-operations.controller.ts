import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../auth/route-access';
import { requestActor } from '../cqrs/request-actor';
import { ApiResponse, success } from '../http/api-response';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ApiLocalServiceOperationBody } from '../openapi/request-bodies';
import { ServiceIdDto } from '../openapi/schemas/operation-results.dto';
import { LocalServiceOperationsHandler } from './local-service-operations.handler';

@ApiTags('localservices')
@Controller('apis/v1/localservices/operations')
@Roles('RW')
export class LocalServiceOperationsController {
  constructor(private readonly handler: LocalServiceOperationsHandler) {}

  @Post()
  @HttpCode(200)
  @ApiLocalServiceOperationBody()
  @ApiEnvelope(ServiceIdDto)
  async operation(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<{ serviceId: string }>> {
    return success(await this.handler.handle(body, requestActor(request)));
  }

  @Post(':serviceId/cancel')
  @HttpCode(200)
  @ApiEnvelope(null)
  async cancel(
    @Param('serviceId') serviceId: string,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<undefined>> {
    await this.handler.cancel(serviceId, requestActor(request));
    return success(undefined);
  }
}
