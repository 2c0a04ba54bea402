import { ApplicationSpecDto } from '../specs/application-spec.dto';
import { ClusterOpSpecDto } from '../specs/cluster-op-spec.dto';
import { Integer, Max, Min, NestedOf, NotEmpty, NotNull, Optional, TypeId } from '../specs/dto-decorators';
import { parsePolymorphic } from '../specs/parse-polymorphic';
import { Parsed } from '../specs/wire';

// Drove's ApplicationOperationType: what validation messages and allowed-operation tables speak of.
export const APPLICATION_OPERATION_TYPES = [
  'CREATE',
  'DESTROY',
  'START_INSTANCES',
  'STOP_INSTANCES',
  'SCALE_INSTANCES',
  'REPLACE_INSTANCES',
  'SUSPEND',
  'RECOVER',
] as const;
export type ApplicationOperationType = (typeof APPLICATION_OPERATION_TYPES)[number];

abstract class OnAppDto {
  @NotEmpty()
  appId!: string;
}

abstract class OnAppWithOpSpecDto extends OnAppDto {
  @NotNull()
  @NestedOf(() => ClusterOpSpecDto)
  opSpec!: ClusterOpSpecDto;
}

export class CreateApplicationOperationDto {
  @TypeId()
  type = 'CREATE' as const;
  @NotNull()
  @NestedOf(() => ApplicationSpecDto)
  spec!: ApplicationSpecDto;
  @Integer()
  @Min(0)
  @Max(2048)
  instances = 0;
  @NotNull()
  @NestedOf(() => ClusterOpSpecDto)
  opSpec!: ClusterOpSpecDto;
}

export class DestroyApplicationOperationDto extends OnAppWithOpSpecDto {
  @TypeId()
  type = 'DESTROY' as const;
}

export class StartInstancesOperationDto extends OnAppWithOpSpecDto {
  @TypeId()
  type = 'START_INSTANCES' as const;
  @Integer()
  @Min(0)
  @Max(1024)
  instances = 0;
}

export class StopInstancesOperationDto extends OnAppWithOpSpecDto {
  @TypeId()
  type = 'STOP_INSTANCES' as const;
  @NotEmpty()
  instanceIds!: string[];
  @Optional()
  skipRespawn?: boolean;
}

// Drove reads the subtype name SCALE but its object says SCALE_INSTANCES; both are read, SCALE is written
// because that is the only one Drove itself can read back.
export class ScaleApplicationOperationDto extends OnAppWithOpSpecDto {
  static readonly canonicalType = 'SCALE';
  @TypeId()
  type = 'SCALE' as const;
  @Integer()
  @Min(0)
  @Max(2048)
  requiredInstances = 0;
}

export class ReplaceInstancesOperationDto extends OnAppWithOpSpecDto {
  @TypeId()
  type = 'REPLACE_INSTANCES' as const;
  @Optional()
  instanceIds?: string[];
  @Optional()
  stopFirst?: boolean;
}

export class SuspendApplicationOperationDto extends OnAppWithOpSpecDto {
  @TypeId()
  type = 'SUSPEND' as const;
}

export class RecoverApplicationOperationDto extends OnAppDto {
  @TypeId()
  type = 'RECOVER' as const;
}

export type ApplicationOperationDto =
  | CreateApplicationOperationDto
  | DestroyApplicationOperationDto
  | StartInstancesOperationDto
  | StopInstancesOperationDto
  | ScaleApplicationOperationDto
  | ReplaceInstancesOperationDto
  | SuspendApplicationOperationDto
  | RecoverApplicationOperationDto;

const TYPES = {
  CREATE: CreateApplicationOperationDto,
  DESTROY: DestroyApplicationOperationDto,
  START_INSTANCES: StartInstancesOperationDto,
  STOP_INSTANCES: StopInstancesOperationDto,
  SCALE: ScaleApplicationOperationDto,
  SCALE_INSTANCES: ScaleApplicationOperationDto,
  REPLACE_INSTANCES: ReplaceInstancesOperationDto,
  SUSPEND: SuspendApplicationOperationDto,
  RECOVER: RecoverApplicationOperationDto,
};

export const parseApplicationOperation = (json: unknown): Parsed<ApplicationOperationDto> =>
  parsePolymorphic('ApplicationOperation', TYPES, json);

export const applicationOperationType = (op: { type: string }): ApplicationOperationType =>
  op.type === 'SCALE' ? 'SCALE_INSTANCES' : (op.type as ApplicationOperationType);
