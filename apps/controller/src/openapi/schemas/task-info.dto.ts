import {
  loggingSpecTypes,
  MountedVolumeDto,
  ResourceAllocationJson,
  TaskInfoJson,
  TaskResultJson,
  TaskResultStatus,
  TaskState,
} from '@drove/domain';
import { PolymorphicProperty } from '@drove/openapi';
import { ResourceAllocations } from './instance-info.dto';

export class TaskResultDto implements TaskResultJson {
  status!: TaskResultStatus;
  exitCode!: number;
}

export class TaskExecutableDto {
  type?: string;
  /** Docker image. */
  url!: string;
  /** A Drove duration, e.g. `100 seconds`. */
  dockerPullTimeout!: string;
}

export class TaskInfoDto implements TaskInfoJson {
  sourceAppName!: string;
  taskId!: string;
  instanceId!: string;
  executorId!: string;
  hostname!: string;
  executable!: TaskExecutableDto;
  @ResourceAllocations()
  resources!: ResourceAllocationJson[];
  volumes?: MountedVolumeDto[];
  @PolymorphicProperty(loggingSpecTypes(), false, false)
  loggingSpec?: unknown;
  env?: Record<string, string>;
  state!: TaskState;
  metadata!: Record<string, string>;
  taskResult?: TaskResultDto;
  errorMessage!: string;
  /** Epoch ms. */
  created!: number;
  /** Epoch ms of the last reported change. */
  updated!: number;
}
