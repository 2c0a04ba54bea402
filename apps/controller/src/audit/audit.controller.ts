import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { EventStore, VerifyResult } from '@drove/events';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ApiResponse, success } from '../http/api-response';
import { AuditPage, readAuditPage } from './audit-events';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ApiAuditEventsQuery } from '../openapi/audit-queries';
import { AuditPageDto, VerifyReportDto } from '../openapi/schemas/audit.dto';
import { parseAuditQuery, parseVerifyRange, RawQuery } from './audit-query';

export interface VerifyReport extends VerifyResult {
  from: number;
  to: number;
}

/** The log itself, for compliance: filtered history and the hash chain's check. Route class READ. */
@ApiTags('audit')
@Controller('apis/v2/audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('events')
  @ApiAuditEventsQuery()
  @ApiEnvelope(AuditPageDto)
  async events(@Query() raw: RawQuery): Promise<ApiResponse<AuditPage>> {
    return success(await readAuditPage(this.store, parseAuditQuery(raw)));
  }

  /** `from`/`to` are log positions (default: the whole log); a `to` past the head is cut to the head. */
  @Get('verify')
  @ApiQuery({ name: 'from', required: false, type: Number, description: 'First position (default 1)' })
  @ApiQuery({ name: 'to', required: false, type: Number, description: 'Last position (default: the head)' })
  @ApiEnvelope(VerifyReportDto)
  async verify(@Query() raw: RawQuery): Promise<ApiResponse<VerifyReport>> {
    const range = parseVerifyRange(raw);
    const head = await this.store.headPosition();
    const from = range.from ?? 1;
    const to = Math.min(range.to ?? head, head);
    const result = from > to ? { ok: true, checked: 0 } : await this.store.verify(from, to);
    return success({ ...result, from, to });
  }
}
