import { ClusterOpSpecDto } from '../specs/cluster-op-spec.dto';
import { Integer, Max, Min, NestedOf, NotEmpty, NotNull, Optional, TypeId } from '../specs/dto-decorators';
import { LocalServiceSpecDto } from '../specs/local-service-spec.dto';
import { parsePolymorphic } from '../specs/parse-polymorphic';
import { Parsed } from '../specs/wire';

export const LOCAL_SERVICE_OPERATION_TYPES = [
  'CREATE',
  'ACTIVATE',
  'DEACTIVATE',
  'RESTART',
  'ADJUST_INSTANCES',
  'DEPLOY_TEST_INSTANCE',
  'REPLACE_INSTANCES',
  'STOP_INSTANCES',
  'UPDATE_INSTANCE_COUNT',
  'DESTROY',
] as const;
export type LocalServiceOperationType = (typeof LOCAL_SERVICE_OPERATION_TYPES)[number];

abstract class OnServiceDto {
  @NotEmpty()
  serviceId!: string;
}

abstract class OnServiceWithOptionalOpSpecDto extends OnServiceDto {
  @Optional()
  @NestedOf(() => ClusterOpSpecDto)
  opSpec?: ClusterOpSpecDto;
}

export class CreateLocalServiceOperationDto {
  @TypeId()
  type = 'CREATE' as const;
  @NotNull()
  @NestedOf(() => LocalServiceSpecDto)
  spec!: LocalServiceSpecDto;
  @Integer()
  @Min(1)
  @Max(256)
  instancesPerHost = 0;
}

export class ActivateLocalServiceOperationDto extends OnServiceDto {
  @TypeId()
  type = 'ACTIVATE' as const;
}

export class DeactivateLocalServiceOperationDto extends OnServiceDto {
  static readonly canonicalType = 'DEACTIVATE';
  @TypeId()
  type = 'DEACTIVATE' as const;
}

export class RestartLocalServiceOperationDto extends OnServiceDto {
  @TypeId()
  type = 'RESTART' as const;
  @Optional()
  stopFirst?: boolean;
  @Optional()
  @NestedOf(() => ClusterOpSpecDto)
  clusterOpSpec?: ClusterOpSpecDto;
}

export class AdjustLocalServiceInstancesOperationDto extends OnServiceWithOptionalOpSpecDto {
  @TypeId()
  type = 'ADJUST_INSTANCES' as const;
}

export class DeployTestInstanceOperationDto extends OnServiceDto {
  @TypeId()
  type = 'DEPLOY_TEST_INSTANCE' as const;
}

export class ReplaceLocalServiceInstancesOperationDto extends OnServiceWithOptionalOpSpecDto {
  @TypeId()
  type = 'REPLACE_INSTANCES' as const;
  @Optional()
  instanceIds?: string[];
  @Optional()
  stopFirst?: boolean;
}

export class StopLocalServiceInstancesOperationDto extends OnServiceWithOptionalOpSpecDto {
  @TypeId()
  type = 'STOP_INSTANCES' as const;
  @NotEmpty()
  instanceIds!: string[];
}

export class UpdateLocalServiceInstanceCountOperationDto extends OnServiceDto {
  @TypeId()
  type = 'UPDATE_INSTANCE_COUNT' as const;
  @Integer()
  @Min(1)
  @Max(256)
  instancesPerHost = 0;
}

export class DestroyLocalServiceOperationDto extends OnServiceDto {
  @TypeId()
  type = 'DESTROY' as const;
}

export type LocalServiceOperationDto =
  | CreateLocalServiceOperationDto
  | ActivateLocalServiceOperationDto
  | DeactivateLocalServiceOperationDto
  | RestartLocalServiceOperationDto
  | AdjustLocalServiceInstancesOperationDto
  | DeployTestInstanceOperationDto
  | ReplaceLocalServiceInstancesOperationDto
  | StopLocalServiceInstancesOperationDto
  | UpdateLocalServiceInstanceCountOperationDto
  | DestroyLocalServiceOperationDto;

const TYPES = {
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
};

export const parseLocalServiceOperation = (json: unknown): Parsed<LocalServiceOperationDto> =>
  parsePolymorphic('LocalServiceOperation', TYPES, json);
