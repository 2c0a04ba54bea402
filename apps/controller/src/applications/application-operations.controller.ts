import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';
import { ApplicationOperationsHandler } from './application-operations.handler';

@Controller('apis/v1')
export class ApplicationOperationsController {
  constructor(private readonly handler: ApplicationOperationsHandler) {}

  @Post('applications/operations')
  @HttpCode(200)
  async operation(@Body() body: unknown): Promise<ApiResponse<{ appId: string }>> {
    return success(await this.handler.handle(body));
  }

  /** Drove's deprecated alias, still used by older clients. */
  @Post('operations')
  @HttpCode(200)
  async deprecatedOperation(@Body() body: unknown): Promise<ApiResponse<{ appId: string }>> {
    return success(await this.handler.handle(body));
  }
}
