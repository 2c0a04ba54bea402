import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';
import { ApplicationOperationsHandler } from './application-operations.handler';

@Controller('apis/v1/applications/validate')
export class ApplicationSpecValidationController {
  constructor(private readonly handler: ApplicationOperationsHandler) {}

  @Post('spec')
  @HttpCode(200)
  async validate(@Body() body: unknown): Promise<ApiResponse<{ valid: boolean }>> {
    await this.handler.validateSpec(body);
    return success({ valid: true });
  }
}
