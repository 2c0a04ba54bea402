import { applyDecorators, Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels } from '@nestjs/swagger';
import {
  ApplicationSpecDto,
  CreateApplicationOperationDto,
  CreateTaskOperationDto,
  DestroyApplicationOperationDto,
  KillTaskOperationDto,
  RecoverApplicationOperationDto,
  ReplaceInstancesOperationDto,
  ScaleApplicationOperationDto,
  StartInstancesOperationDto,
  StopInstancesOperationDto,
  SuspendApplicationOperationDto,
  TaskSpecDto,
} from '@drove/domain';
import { polymorphicSchema } from '@drove/openapi';
import {
  ExecutorSnapshotMessageDto,
  InstanceStateReportMessageDto,
  LocalServiceInstanceStateReportMessageDto,
  TaskStateReportMessageDto,
} from './schemas/messages.dto';

// Request bodies are parsed by hand (Drove's Jackson semantics, see libs/domain), so the handlers take `unknown`;
// these decorators say what the parsers accept.

const oneOfBody = (subTypes: Record<string, Type>, description: string) =>
  applyDecorators(
    ApiExtraModels(...new Set(Object.values(subTypes))),
    ApiBody({ schema: { ...polymorphicSchema(subTypes), description } }),
  );

/** Drove's ApplicationOperation; `SCALE_INSTANCES` is read as `SCALE`. */
export const ApiApplicationOperationBody = () =>
  oneOfBody(
    {
      CREATE: CreateApplicationOperationDto,
      DESTROY: DestroyApplicationOperationDto,
      START_INSTANCES: StartInstancesOperationDto,
      STOP_INSTANCES: StopInstancesOperationDto,
      SCALE: ScaleApplicationOperationDto,
      SCALE_INSTANCES: ScaleApplicationOperationDto,
      REPLACE_INSTANCES: ReplaceInstancesOperationDto,
      SUSPEND: SuspendApplicationOperationDto,
      RECOVER: RecoverApplicationOperationDto,
    },
    "Drove's ApplicationOperation, by `type`",
  );

export const ApiTaskOperationBody = () =>
  oneOfBody(
    { CREATE: CreateTaskOperationDto, KILL: KillTaskOperationDto },
    "Drove's TaskOperation, by `type`",
  );

export const ApiControllerMessageBody = () =>
  oneOfBody(
    {
      INSTANCE_STATE_REPORT: InstanceStateReportMessageDto,
      TASK_STATE_REPORT: TaskStateReportMessageDto,
      LOCAL_SERVICE_INSTANCE_STATE_REPORT: LocalServiceInstanceStateReportMessageDto,
      EXECUTOR_SNAPSHOT: ExecutorSnapshotMessageDto,
    },
    "An executor's report, by `type`",
  );

export const ApiApplicationSpecBody = () => ApiBody({ type: ApplicationSpecDto });

export const ApiTaskSpecBody = () => ApiBody({ type: TaskSpecDto });
