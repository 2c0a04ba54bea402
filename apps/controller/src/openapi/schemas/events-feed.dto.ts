import { ApiProperty } from '@nestjs/swagger';
import { DROVE_EVENT_TYPES, DroveEvent, DroveEventsList, DroveEventType } from '@drove/domain';

/** One event of Drove's cluster feed; `metadata` omits what is unknown. */
export class DroveEventDto implements DroveEvent {
  type!: DroveEventType;
  id!: string;
  /** Epoch ms. */
  time!: number;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  metadata!: Record<string, string | number>;
}

export class DroveEventsListDto implements DroveEventsList {
  /** Newest first. */
  events!: DroveEventDto[];
  /** Pass back as `lastSyncTime` to get what came after. */
  lastSyncTime!: number;
}

export class DroveEventsSummaryDto {
  /** Events after `lastSyncTime`, counted by type. */
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(DROVE_EVENT_TYPES.map((t) => [t, { type: 'integer' }])),
  })
  eventsCount!: Partial<Record<DroveEventType, number>>;
  lastSyncTime!: number;
}
