import { Controller, Get } from '@nestjs/common';
import { Roles } from '../auth/route-access';
import { ApiResponse, success } from '../http/api-response';

@Controller('apis/v1')
export class PingController {
  /** Open to cluster nodes too: executors find the leader by pinging every controller. */
  @Get('ping')
  @Roles('ANY')
  ping(): ApiResponse<string> {
    return success('pong');
  }
}
