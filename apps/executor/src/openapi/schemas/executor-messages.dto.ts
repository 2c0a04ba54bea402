import {
  ApplicationInstanceSpecDto,
  ExecutorAddressJson,
  LocalServiceInstanceSpecDto,
  TaskInstanceSpecDto,
  TransportType,
} from '@drove/domain';
import { MessageHeaderDto } from '@drove/openapi';

// Controller -> executor messages (`POST /apis/v1/messages` on the executor), by `type`.

export class ExecutorAddressDto implements ExecutorAddressJson {
  executorId!: string;
  hostname!: string;
  port!: number;
  transportType!: TransportType;
}

abstract class ToExecutorDto {
  header!: MessageHeaderDto;
  /** The executor the controller means: a message for another one is refused. */
  address!: ExecutorAddressDto;
}

export class StartInstanceMessageDto extends ToExecutorDto {
  type!: 'START_INSTANCE';
  spec!: ApplicationInstanceSpecDto;
}

export class StopInstanceMessageDto extends ToExecutorDto {
  type!: 'STOP_INSTANCE';
  instanceId!: string;
}

export class StartTaskMessageDto extends ToExecutorDto {
  type!: 'START_TASK';
  spec!: TaskInstanceSpecDto;
}

export class StopTaskMessageDto extends ToExecutorDto {
  type!: 'STOP_TASK';
  instanceId!: string;
}

export class StartLocalServiceInstanceMessageDto extends ToExecutorDto {
  type!: 'START_LOCAL_SERVICE_INSTANCE';
  spec!: LocalServiceInstanceSpecDto;
}

export class StopLocalServiceInstanceMessageDto extends ToExecutorDto {
  type!: 'STOP_LOCAL_SERVICE_INSTANCE';
  instanceId!: string;
}

export class BlacklistRequestedMessageDto extends ToExecutorDto {
  type!: 'BLACKLIST_REQUESTED';
}

export class BlacklistMessageDto extends ToExecutorDto {
  type!: 'BLACKLIST';
}

export class UnblacklistMessageDto extends ToExecutorDto {
  type!: 'UNBLACKLIST';
}

/** Nest's own 400 body (the executor has no Drove envelope): the parser's complaint in `message`. */
export class BadRequestDto {
  statusCode!: number;
  message!: string;
  error!: string;
}
