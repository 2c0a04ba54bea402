import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ApiLocalServiceSpecBody } from '../openapi/request-bodies';
import { SpecValidDto } from '../openapi/schemas/operation-results.dto';
import { LocalServiceOperationsHandler } from './local-service-operations.handler';

@ApiTags('localservices')
@Controller('apis/v1/localservices/validate')
export class LocalServiceSpecValidationController {
  constructor(private readonly handler: LocalServiceOperationsHandler) {}

  @Post('spec')
  @HttpCode(200)
  @ApiLocalServiceSpecBody()
  @ApiEnvelope(SpecValidDto)
  async validate(@Body() body: unknown): Promise<ApiResponse<{ valid: boolean }>> {
    await this.handler.validateSpec(body);
    return success({ valid: true });
  }
}
