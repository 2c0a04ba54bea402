import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../auth/route-access';
import { requestActor } from '../cqrs/request-actor';
import { CommandValidationError } from '../http/drove-errors';
import { ApiResponse } from '../http/api-response';
import { BlacklistOperationResponse } from './blacklist-operation-response';
import { BlacklistingService } from './blacklisting.service';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { BlacklistOperationResponseDto } from '../openapi/schemas/blacklist.dto';

const ApiIds = () => ApiQuery({ name: 'id', type: [String], description: 'Executor ids (repeat `id`)' });

type Answer = Promise<ApiResponse<BlacklistOperationResponse>>;

const idsOf = (query: string | string[] | undefined): string[] => {
  const ids = [...new Set(query === undefined ? [] : [query].flat())].filter((id) => id.length > 0);
  if (ids.length === 0) throw new CommandValidationError(['id must not be empty']);
  return ids;
};

/** Drove's executor blacklist routes (reference 1.5); bodiless POSTs, any content type. */
@ApiTags('executors')
@Controller('apis/v1/cluster/executors')
@Roles('MAINT')
export class BlacklistingController {
  constructor(private readonly blacklisting: BlacklistingService) {}

  @Post('blacklist')
  @ApiIds()
  @HttpCode(200)
  @ApiEnvelope(BlacklistOperationResponseDto)
  blacklistMany(@Query('id') ids: string | string[] | undefined, @Req() request: FastifyRequest): Answer {
    return this.blacklisting.blacklist(idsOf(ids), requestActor(request));
  }

  @Post('unblacklist')
  @ApiIds()
  @HttpCode(200)
  @ApiEnvelope(BlacklistOperationResponseDto)
  unblacklistMany(@Query('id') ids: string | string[] | undefined, @Req() request: FastifyRequest): Answer {
    return this.blacklisting.unblacklist(idsOf(ids), requestActor(request));
  }

  @Post(':executorId/blacklist')
  @HttpCode(200)
  @ApiEnvelope(BlacklistOperationResponseDto)
  blacklist(@Param('executorId') executorId: string, @Req() request: FastifyRequest): Answer {
    return this.blacklisting.blacklist([executorId], requestActor(request));
  }

  @Post(':executorId/unblacklist')
  @HttpCode(200)
  @ApiEnvelope(BlacklistOperationResponseDto)
  unblacklist(@Param('executorId') executorId: string, @Req() request: FastifyRequest): Answer {
    return this.blacklisting.unblacklist([executorId], requestActor(request));
  }
}
