import { Controller, Get } from '@nestjs/common';
import { Roles } from '../auth/route-access';
import { ApiResponse, success } from '../http/api-response';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { BASIC_AUTH, CLUSTER_AUTH } from '@drove/openapi';

@ApiTags('cluster')
@Controller('apis/v1')
export class PingController {
  /** Open to cluster nodes too: executors find the leader by pinging every controller. */
  @Get('ping')
  @Roles('ANY')
  @ApiSecurity(BASIC_AUTH)
  @ApiSecurity(CLUSTER_AUTH)
  @ApiEnvelope('string')
  ping(): ApiResponse<string> {
    return success('pong');
  }
}
