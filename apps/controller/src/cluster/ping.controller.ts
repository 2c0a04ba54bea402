import { Controller, Get } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';

@Controller('apis/v1')
export class PingController {
  @Get('ping')
  ping(): ApiResponse<string> {
    return success('pong');
  }
}
