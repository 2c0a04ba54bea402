import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@drove/events';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ApiResponse, success } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ClusterAtDto } from '../openapi/schemas/audit.dto';
import { epochParam, ParamReader, RawQuery } from './audit-query';
import { ClusterAt, clusterAt } from './cluster-history';

/** The cluster view at a past moment, replayed from the log. Route class READ. */
@ApiTags('audit')
@Controller('apis/v2/history')
export class HistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('cluster')
  @ApiQuery({ name: 'at', required: true, type: Number, description: 'Epoch ms' })
  @ApiEnvelope(ClusterAtDto)
  async cluster(@Query() raw: RawQuery): Promise<ApiResponse<ClusterAt>> {
    const reader = new ParamReader(raw);
    const at = epochParam(reader, 'at');
    reader.done();
    if (at === undefined) throw new CommandValidationError(['at (epoch ms) is required']);
    return success(await clusterAt(this.store, at));
  }
}
