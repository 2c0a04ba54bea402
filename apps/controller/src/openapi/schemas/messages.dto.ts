import {
  ExecutorSnapshotMessage,
  InstanceStateReportMessage,
  LocalServiceInstanceStateReportMessage,
  TaskStateReportMessage,
} from '@drove/domain';
import { MessageHeaderDto } from '@drove/openapi';
import { ExecutorNodeDataDto, ExecutorResourceSnapshotDto } from './executor.dto';
import { InstanceInfoDto, LocalServiceInstanceInfoDto } from './instance-info.dto';
import { TaskInfoDto } from './task-info.dto';

// Executor -> controller messages (`POST /apis/v1/messages`), sent with the executor's cluster secret.

abstract class FromExecutorDto {
  header!: MessageHeaderDto;
}

/** A state change, with the executor's resources right after it. */
abstract class StateReportDto extends FromExecutorDto {
  resourceSnapshot!: ExecutorResourceSnapshotDto;
}

export class InstanceStateReportMessageDto extends StateReportDto implements InstanceStateReportMessage {
  type!: 'INSTANCE_STATE_REPORT';
  instanceInfo!: InstanceInfoDto;
}

export class TaskStateReportMessageDto extends StateReportDto implements TaskStateReportMessage {
  type!: 'TASK_STATE_REPORT';
  instanceInfo!: TaskInfoDto;
}

export class LocalServiceInstanceStateReportMessageDto
  extends StateReportDto
  implements LocalServiceInstanceStateReportMessage
{
  type!: 'LOCAL_SERVICE_INSTANCE_STATE_REPORT';
  instanceInfo!: LocalServiceInstanceInfoDto;
}

export class ExecutorSnapshotMessageDto extends FromExecutorDto implements ExecutorSnapshotMessage {
  type!: 'EXECUTOR_SNAPSHOT';
  nodeData!: ExecutorNodeDataDto;
}
