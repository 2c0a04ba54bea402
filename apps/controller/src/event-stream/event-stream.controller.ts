import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandValidationError } from '../http/drove-errors';
import { ApiEventStream } from '../openapi/event-stream-docs';
import { EventStreamService } from './event-stream.service';
import { SSE_HEADERS } from './sse-frames';
import { parseEventId, StreamCursor } from './stream-cursor';
import { parseStreamFilter } from './stream-filter';

/**
 * `GET /apis/v2/events/stream`: the cluster's Drove events as Server-Sent Events, each with its log position as
 * `id`. Resumes after `Last-Event-ID` (what an EventSource sends on reconnecting), else after `after=`, else starts
 * from now. Route class READ, leader only, like every read route.
 */
@ApiTags('events')
@Controller('apis/v2/events')
export class EventStreamController {
  constructor(private readonly streams: EventStreamService) {}

  @Get('stream')
  @ApiEventStream()
  async stream(
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId?: string,
    @Query('after') after?: string,
    @Query('types') types?: string | string[],
    @Query('app') app?: string | string[],
  ): Promise<void> {
    const filter = parseStreamFilter(types, app);
    if ('errors' in filter) throw new CommandValidationError(filter.errors);
    // "now" and every position are the feed's: before its first catch-up both would be short of the log
    await this.streams.ready();
    const cursor = this.cursorOf(lastEventId, after);
    reply.hijack();
    reply.raw.writeHead(200, SSE_HEADERS);
    // HEAD (Fastify's twin of every GET): the headers a GET would get, and no stream that would never end
    if (reply.request.method === 'HEAD') reply.raw.end();
    else this.streams.open(reply.raw, cursor, filter);
  }

  private cursorOf(lastEventId: string | undefined, after: string | undefined): StreamCursor {
    const given = lastEventId ?? after;
    if (given === undefined || given === '') return this.streams.now();
    const cursor = parseEventId(given);
    if (!cursor) {
      throw new CommandValidationError([
        `${lastEventId === undefined ? 'after' : 'Last-Event-ID'} must be an event id of this stream: <position>[.<index>]`,
      ]);
    }
    return cursor;
  }
}
