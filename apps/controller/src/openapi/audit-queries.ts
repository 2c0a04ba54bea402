import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

const optional = (name: string, type: typeof Number | typeof String, description: string) =>
  ApiQuery({ name, required: false, type, description });

/** `GET /apis/v2/audit/events` filters (read by hand, see audit-query.ts). */
export const ApiAuditEventsQuery = () =>
  applyDecorators(
    optional('from', Number, 'Events at or after this time (epoch ms)'),
    optional('to', Number, 'Events at or before this time (epoch ms)'),
    optional('stream', String, 'Only this stream, e.g. `app-<appId>`'),
    optional('type', String, 'Only this event type, e.g. `ApplicationCreated`'),
    optional('actor', String, 'Only events by this actor'),
    optional('after', Number, "Continue after this position (the previous page's `next`)"),
    optional('limit', Number, 'At most this many events'),
  );
