import { Controller, Get, Inject, Optional, Query } from '@nestjs/common';
import { DroveEvent, DroveEventsList, droveEventsSummary } from '@drove/domain';
import { ApiResponse, success } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { LIMITS, LimitsConfig } from '../limits/limits.config';
import { refuseLargePage } from '../limits/spec-limits';
import { EventsFeedService } from './events-feed.service';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiIntegerQuery } from '../openapi/api-envelope';
import { DroveEventDto, DroveEventsListDto, DroveEventsSummaryDto } from '../openapi/schemas/events-feed.dto';

const MAX_SIZE = 2147483647;
const DEFAULT_SIZE = 1024;
const SYNC_TIME = "Only events after this time (epoch ms); pass back the answer's `lastSyncTime`";

function numberParam(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new CommandValidationError([`${name} must be an integer between 0 and ${max}`]);
  }
  return value;
}

const syncTimeParam = (raw: string | undefined): number =>
  numberParam('lastSyncTime', raw, 0, Number.MAX_SAFE_INTEGER);

/** Drove's cluster events API, served from the log (see DroveEventFeed for how paging never skips). */
@ApiTags('events')
@Controller('apis/v1/cluster/events')
export class EventsFeedController {
  constructor(
    private readonly events: EventsFeedService,
    @Optional() @Inject(LIMITS) private readonly limits: LimitsConfig = new LimitsConfig(),
  ) {}

  @Get('latest')
  @ApiIntegerQuery('lastSyncTime', SYNC_TIME)
  @ApiIntegerQuery('size', 'At most this many events (default 1024)')
  @ApiEnvelope(DroveEventsListDto)
  async latest(
    @Query('lastSyncTime') lastSyncTime?: string,
    @Query('size') size?: string,
  ): Promise<ApiResponse<DroveEventsList>> {
    return success(await this.page(lastSyncTime, size));
  }

  @Get('summary')
  @ApiIntegerQuery('lastSyncTime', SYNC_TIME)
  @ApiEnvelope(DroveEventsSummaryDto)
  async summary(
    @Query('lastSyncTime') lastSyncTime?: string,
  ): Promise<ApiResponse<ReturnType<typeof droveEventsSummary>>> {
    const since = syncTimeParam(lastSyncTime);
    await this.events.ready;
    return success(this.events.feed.summary(since));
  }

  /** Deprecated in Drove (1.27) but still polled by drove-events-client: the bare list of `latest`. */
  @Get()
  @ApiIntegerQuery('lastSyncTime', SYNC_TIME)
  @ApiIntegerQuery('size', 'At most this many events (default 1024)')
  @ApiEnvelope([DroveEventDto])
  async list(
    @Query('lastSyncTime') lastSyncTime?: string,
    @Query('size') size?: string,
  ): Promise<ApiResponse<DroveEvent[]>> {
    return success((await this.page(lastSyncTime, size)).events);
  }

  private async page(lastSyncTime: string | undefined, size: string | undefined): Promise<DroveEventsList> {
    const count = numberParam('size', size, Math.min(DEFAULT_SIZE, this.limits.maxPageSize), MAX_SIZE);
    refuseLargePage('size', count, this.limits);
    const since = syncTimeParam(lastSyncTime);
    await this.events.ready;
    return this.events.feed.latest(since, count);
  }
}
