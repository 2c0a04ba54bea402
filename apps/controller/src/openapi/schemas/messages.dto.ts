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

export class InstanceStateReportMessageDto implements InstanceStateReportMessage {
  type!: 'INSTANCE_STATE_REPORT';
  header!: MessageHeaderDto;
  resourceSnapshot!: ExecutorResourceSnapshotDto;
  instanceInfo!: InstanceInfoDto;
}

export class TaskStateReportMessageDto implements TaskStateReportMessage {
  type!: 'TASK_STATE_REPORT';
  header!: MessageHeaderDto;
  resourceSnapshot!: ExecutorResourceSnapshotDto;
  instanceInfo!: TaskInfoDto;
}

export class LocalServiceInstanceStateReportMessageDto implements LocalServiceInstanceStateReportMessage {
  type!: 'LOCAL_SERVICE_INSTANCE_STATE_REPORT';
  header!: MessageHeaderDto;
  resourceSnapshot!: ExecutorResourceSnapshotDto;
  instanceInfo!: LocalServiceInstanceInfoDto;
}

export class ExecutorSnapshotMessageDto implements ExecutorSnapshotMessage {
  type!: 'EXECUTOR_SNAPSHOT';
  header!: MessageHeaderDto;
  nodeData!: ExecutorNodeDataDto;
}
