import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';
import { LocalServiceOperationsHandler } from './local-service-operations.handler';

@Controller('apis/v1/localservices/validate')
export class LocalServiceSpecValidationController {
  constructor(private readonly handler: LocalServiceOperationsHandler) {}

  @Post('spec')
  @HttpCode(200)
  async validate(@Body() body: unknown): Promise<ApiResponse<{ valid: boolean }>> {
    await this.handler.validateSpec(body);
    return success({ valid: true });
  }
}
