import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiQuery,
} from '@nestjs/swagger';
import { ApiAuthResponses } from './api-envelope';
import { LogFileChunkDto, LogFileErrorDto, LogFileListDto } from '@drove/openapi';

// The log-file routes take their path parameters as one record and answer with the executor's own bodies, so
// the plugin can read neither; these say what they are.

const common = (owner: string, instance: string) => [
  ApiParam({ name: owner, type: String }),
  ApiParam({ name: instance, type: String }),
  ApiNoContentResponse({ description: 'No such instance or task, or its executor is gone' }),
  ApiBadRequestResponse({ type: LogFileErrorDto, description: "The executor's refusal" }),
  ApiAuthResponses(),
];

const file = ApiParam({ name: 'file', type: String, description: 'A name from `list`' });

export const ApiLogFileList = (owner: string, instance: string) =>
  applyDecorators(...common(owner, instance), ApiOkResponse({ type: LogFileListDto }));

export const ApiLogFileRead = (owner: string, instance: string) =>
  applyDecorators(
    ...common(owner, instance),
    file,
    ApiQuery({
      name: 'offset',
      required: false,
      type: Number,
      description: '-1 (default): the file size only',
    }),
    ApiQuery({
      name: 'length',
      required: false,
      type: Number,
      description: '-1 (default): up to 32768 bytes',
    }),
    ApiOkResponse({ type: LogFileChunkDto }),
  );

export const ApiLogFileDownload = (owner: string, instance: string) =>
  applyDecorators(
    ...common(owner, instance),
    file,
    ApiQuery({
      name: 'rename',
      required: false,
      type: Boolean,
      description: 'Name the download after its owner',
    }),
    ApiProduces('application/octet-stream'),
    ApiOkResponse({ schema: { type: 'string', format: 'binary' } }),
  );
