import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiParam,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  ApiLogFileDownloadAnswer,
  ApiLogFileListAnswer,
  ApiLogFileReadAnswer,
  LogFileErrorDto,
  MessageResponseDto,
  polymorphicSchema,
} from '@drove/openapi';
import {
  BadRequestDto,
  BlacklistMessageDto,
  BlacklistRequestedMessageDto,
  StartInstanceMessageDto,
  StartLocalServiceInstanceMessageDto,
  StartTaskMessageDto,
  StopInstanceMessageDto,
  StopLocalServiceInstanceMessageDto,
  StopTaskMessageDto,
  UnblacklistMessageDto,
} from './schemas/executor-messages.dto';

// The executor's routes take `unknown` bodies (parsed by hand) or answer through the reply, so the plugin can
// read neither; these say what they are.

const MESSAGES = {
  START_INSTANCE: StartInstanceMessageDto,
  STOP_INSTANCE: StopInstanceMessageDto,
  START_TASK: StartTaskMessageDto,
  STOP_TASK: StopTaskMessageDto,
  START_LOCAL_SERVICE_INSTANCE: StartLocalServiceInstanceMessageDto,
  STOP_LOCAL_SERVICE_INSTANCE: StopLocalServiceInstanceMessageDto,
  BLACKLIST_REQUESTED: BlacklistRequestedMessageDto,
  BLACKLIST: BlacklistMessageDto,
  UNBLACKLIST: UnblacklistMessageDto,
};

const unauthorized = ApiUnauthorizedResponse({
  description: 'No or wrong `Cluster-Authorization` (no body)',
});

export const ApiExecutorMessage = () =>
  applyDecorators(
    ApiExtraModels(...Object.values(MESSAGES)),
    ApiBody({ schema: { ...polymorphicSchema(MESSAGES), description: "A controller's command, by `type`" } }),
    ApiOkResponse({ type: MessageResponseDto, description: 'ACCEPTED once the work is registered' }),
    ApiBadRequestResponse({ type: BadRequestDto, description: 'Not a message this executor can read' }),
    unauthorized,
  );

const refusal = ApiBadRequestResponse({
  type: LogFileErrorDto,
  description: 'A name outside the instance, a missing file',
});
const owner = applyDecorators(
  ApiParam({ name: 'first', type: String, description: 'App id, task source app, or local service id' }),
  ApiParam({ name: 'second', type: String, description: 'Instance id or task id' }),
);

export const ApiLogFileList = () => applyDecorators(owner, ApiLogFileListAnswer(), refusal, unauthorized);

export const ApiLogFileRead = () => applyDecorators(owner, ApiLogFileReadAnswer(), refusal, unauthorized);

export const ApiLogFileDownload = () =>
  applyDecorators(owner, ApiLogFileDownloadAnswer('text/plain'), refusal, unauthorized);
