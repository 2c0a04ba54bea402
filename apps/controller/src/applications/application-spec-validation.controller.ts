import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';
import { ApplicationOperationsHandler } from './application-operations.handler';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ApiApplicationSpecBody } from '../openapi/request-bodies';
import { SpecValidDto } from '../openapi/schemas/operation-results.dto';

@ApiTags('applications')
@Controller('apis/v1/applications/validate')
export class ApplicationSpecValidationController {
  constructor(private readonly handler: ApplicationOperationsHandler) {}

  @Post('spec')
  @HttpCode(200)
  @ApiApplicationSpecBody()
  @ApiEnvelope(SpecValidDto)
  async validate(@Body() body: unknown): Promise<ApiResponse<{ valid: boolean }>> {
    await this.handler.validateSpec(body);
    return success({ valid: true });
  }
}
