import { Controller, Get } from '@nestjs/common';
import { Roles } from '../auth/route-access';
import { ApiResponse, success } from '../http/api-response';

@Controller('apis/v1')
export class PingController {
  /** Leader discovery: executors (cluster secret) call it as well as users. */
  @Get('ping')
  @Roles('ANY')
  ping(): ApiResponse<string> {
    return success('pong');
  }
}
