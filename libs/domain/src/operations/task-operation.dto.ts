import { ClusterOpSpecDto } from '../specs/cluster-op-spec.dto';
import { NestedOf, NotEmpty, NotNull, TypeId } from '../specs/dto-decorators';
import { parsePolymorphic } from '../specs/parse-polymorphic';
import { TaskSpecDto } from '../specs/task-spec.dto';
import { Parsed } from '../specs/wire';

export class CreateTaskOperationDto {
  @TypeId()
  type = 'CREATE' as const;
  @NotNull()
  @NestedOf(() => TaskSpecDto)
  spec!: TaskSpecDto;
  @NotNull()
  @NestedOf(() => ClusterOpSpecDto)
  opSpec!: ClusterOpSpecDto;
}

export class KillTaskOperationDto {
  @TypeId()
  type = 'KILL' as const;
  @NotEmpty()
  sourceAppName!: string;
  @NotEmpty()
  taskId!: string;
  @NotNull()
  @NestedOf(() => ClusterOpSpecDto)
  opSpec!: ClusterOpSpecDto;
}

export type TaskOperationDto = CreateTaskOperationDto | KillTaskOperationDto;

export const parseTaskOperation = (json: unknown): Parsed<TaskOperationDto> =>
  parsePolymorphic('TaskOperation', { CREATE: CreateTaskOperationDto, KILL: KillTaskOperationDto }, json);
