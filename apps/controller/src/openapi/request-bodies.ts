import { applyDecorators, Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels } from '@nestjs/swagger';
import {
  ApplicationSpecDto,
  CreateApplicationOperationDto,
  CreateTaskOperationDto,
  DestroyApplicationOperationDto,
  KillTaskOperationDto,
  ActivateLocalServiceOperationDto,
  AdjustLocalServiceInstancesOperationDto,
  CreateLocalServiceOperationDto,
  DeactivateLocalServiceOperationDto,
  DeployTestInstanceOperationDto,
  DestroyLocalServiceOperationDto,
  LocalServiceSpecDto,
  ReplaceLocalServiceInstancesOperationDto,
  RestartLocalServiceOperationDto,
  StopLocalServiceInstancesOperationDto,
  UpdateLocalServiceInstanceCountOperationDto,
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

/** Drove's LocalServiceOperation; `STOP` is read as `DEACTIVATE`. */
export const ApiLocalServiceOperationBody = () =>
  oneOfBody(
    {
      CREATE: CreateLocalServiceOperationDto,
      ACTIVATE: ActivateLocalServiceOperationDto,
      DEACTIVATE: DeactivateLocalServiceOperationDto,
      STOP: DeactivateLocalServiceOperationDto,
      RESTART: RestartLocalServiceOperationDto,
      ADJUST_INSTANCES: AdjustLocalServiceInstancesOperationDto,
      DEPLOY_TEST_INSTANCE: DeployTestInstanceOperationDto,
      REPLACE_INSTANCES: ReplaceLocalServiceInstancesOperationDto,
      STOP_INSTANCES: StopLocalServiceInstancesOperationDto,
      UPDATE_INSTANCE_COUNT: UpdateLocalServiceInstanceCountOperationDto,
      DESTROY: DestroyLocalServiceOperationDto,
    },
    "Drove's LocalServiceOperation, by `type`",
  );

export const ApiLocalServiceSpecBody = () => ApiBody({ type: LocalServiceSpecDto });

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
