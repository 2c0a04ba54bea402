import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { LogFileChunkDto, LogFileListDto } from './log-files.dto';

// Drove's log-file stream answers the same on the executor and, proxied, on the controller; each app adds its
// own path parameters, refusals and auth.

const file = ApiParam({ name: 'file', type: String, description: 'A name from `list`' });

const integerQuery = (name: string, description: string) =>
  ApiQuery({ name, required: false, type: 'integer', description });

export const ApiLogFileListAnswer = () => ApiOkResponse({ type: LogFileListDto });

export const ApiLogFileReadAnswer = () =>
  applyDecorators(
    file,
    integerQuery('offset', '-1 (default): the file size only'),
    integerQuery('length', '-1 (default): up to 32768 bytes'),
    ApiOkResponse({ type: LogFileChunkDto }),
  );

export const ApiLogFileDownloadAnswer = (mediaType: string) =>
  applyDecorators(
    file,
    ApiProduces(mediaType),
    ApiOkResponse({ schema: { type: 'string', format: 'binary' } }),
  );
