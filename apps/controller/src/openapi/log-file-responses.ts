import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiParam, ApiQuery } from '@nestjs/swagger';
import {
  ApiLogFileDownloadAnswer,
  ApiLogFileListAnswer,
  ApiLogFileReadAnswer,
  LogFileErrorDto,
} from '@drove/openapi';
import { ApiAuthResponses } from './api-envelope';

// The log-file routes take their path parameters as one record and answer with the executor's own bodies, so
// the plugin can read neither; these say what they are.

const common = (owner: string, instance: string) =>
  applyDecorators(
    ApiParam({ name: owner, type: String }),
    ApiParam({ name: instance, type: String }),
    ApiNoContentResponse({ description: 'No such instance or task, or its executor is gone' }),
    ApiBadRequestResponse({ type: LogFileErrorDto, description: "The executor's refusal" }),
    ApiAuthResponses(),
  );

export const ApiLogFileList = (owner: string, instance: string) =>
  applyDecorators(common(owner, instance), ApiLogFileListAnswer());

export const ApiLogFileRead = (owner: string, instance: string) =>
  applyDecorators(common(owner, instance), ApiLogFileReadAnswer());

export const ApiLogFileDownload = (owner: string, instance: string) =>
  applyDecorators(
    common(owner, instance),
    ApiQuery({
      name: 'rename',
      required: false,
      type: Boolean,
      description: 'Name the download after its owner',
    }),
    ApiLogFileDownloadAnswer('application/octet-stream'),
  );
