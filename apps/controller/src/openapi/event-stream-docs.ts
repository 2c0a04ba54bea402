import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  getSchemaPath,
} from '@nestjs/swagger';
import { DROVE_EVENT_TYPES } from '@drove/domain';
import { ApiAuthResponses } from './api-envelope';
import { DroveEventDto } from './schemas/events-feed.dto';
import { FailedResponseDto } from './schemas/failure.dto';

const FRAMES = [
  'Server-Sent Events, never ending: `retry:` and a comment first, then one message per event,',
  '`id: <position>[.<index>]` and `data: <DroveEvent JSON>` (see',
  `\`${getSchemaPath(DroveEventDto)}\`), and \`: heartbeat\` comments while nothing happens.`,
].join(' ');

/** `GET /apis/v2/events/stream`: a text/event-stream answer, which no JSON schema can type beyond its frames. */
export const ApiEventStream = () =>
  applyDecorators(
    ApiExtraModels(DroveEventDto),
    ApiHeader({ name: 'last-event-id', required: false, description: 'Resume after this event id' }),
    ApiQuery({ name: 'after', required: false, type: String, description: 'Resume after this event id' }),
    ApiQuery({ name: 'types', required: false, enum: DROVE_EVENT_TYPES, isArray: true }),
    ApiQuery({
      name: 'app',
      required: false,
      type: [String],
      description:
        "Only events whose APP_ID or APP_NAME is one of these (a task's events carry its app's name)",
    }),
    ApiProduces('text/event-stream'),
    ApiOkResponse({ description: FRAMES, schema: { type: 'string' } }),
    ApiBadRequestResponse({
      type: FailedResponseDto,
      description: 'A bad filter or event id, or not the leader',
    }),
    ApiAuthResponses(),
  );
