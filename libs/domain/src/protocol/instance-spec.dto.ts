import { CheckSpecDto, PreShutdownSpecDto } from '../specs/check-spec.dto';
import { ConfigSpecDto, configSpecTypes } from '../specs/config-spec.dto';
import { DeviceSpecDto, deviceSpecTypes } from '../specs/device-spec.dto';
import {
  MaxSize,
  NestedOf,
  NotEmpty,
  NotNull,
  Optional,
  PolymorphicOf,
  StringMap,
  TypeId,
} from '../specs/dto-decorators';
import { ExecutableCoordinatesDto, executableTypes } from '../specs/executable.dto';
import { LoggingSpecDto, loggingSpecTypes } from '../specs/logging-spec.dto';
import { MountedVolumeDto } from '../specs/mounted-volume.dto';
import { PortSpecDto } from '../specs/port-spec.dto';
import { UserSpecDto } from '../specs/user-spec.dto';
import { Parsed, parseDto } from '../specs/wire';

// Allocations (core ids and MB per NUMA node id) are kept as given.

// The instance specs inside START_* messages, read by the executor into typed DTOs (durations parsed), with the
// same rules as the deployable specs they come from.

export class CpuAllocationDto {
  @TypeId()
  type = 'CPU' as const;
  @NotNull()
  cores!: Record<string, number[]>;
}

export class MemoryAllocationDto {
  @TypeId()
  type = 'MEMORY' as const;
  @NotNull()
  memoryInMB!: Record<string, number>;
}

export type ResourceAllocationDto = CpuAllocationDto | MemoryAllocationDto;

const allocationTypes = () => ({ CPU: CpuAllocationDto, MEMORY: MemoryAllocationDto });

abstract class InstanceSpecDto {
  @NotEmpty()
  instanceId!: string;
  @NotNull()
  @PolymorphicOf('ExecutableCoordinates', executableTypes, 'DOCKER')
  executable!: ExecutableCoordinatesDto;
  @NotEmpty()
  @PolymorphicOf('ResourceAllocation', allocationTypes)
  resources!: ResourceAllocationDto[];
  @Optional()
  @NestedOf(() => MountedVolumeDto)
  volumes?: MountedVolumeDto[];
  @Optional()
  @PolymorphicOf('ConfigSpec', configSpecTypes)
  configs?: ConfigSpecDto[];
  @Optional()
  @PolymorphicOf('LoggingSpec', loggingSpecTypes)
  loggingSpec?: LoggingSpecDto;
  @Optional()
  @StringMap()
  env?: Record<string, string>;
  @Optional()
  @MaxSize(2048)
  args?: string[];
  @Optional()
  @PolymorphicOf('DeviceSpec', deviceSpecTypes)
  devices?: DeviceSpecDto[];
  @Optional()
  @NestedOf(() => UserSpecDto)
  userSpec?: UserSpecDto;
}

abstract class ServiceInstanceSpecDto extends InstanceSpecDto {
  @NotEmpty()
  @NestedOf(() => PortSpecDto)
  ports!: PortSpecDto[];
  @NotNull()
  @NestedOf(() => CheckSpecDto)
  healthcheck!: CheckSpecDto;
  @NotNull()
  @NestedOf(() => CheckSpecDto)
  readiness!: CheckSpecDto;
  @Optional()
  @NestedOf(() => PreShutdownSpecDto)
  preShutdown?: PreShutdownSpecDto;
  @Optional()
  instanceAuthToken?: string;
}

export class ApplicationInstanceSpecDto extends ServiceInstanceSpecDto {
  @NotEmpty()
  appId!: string;
  @NotEmpty()
  appName!: string;
}

export class TaskInstanceSpecDto extends InstanceSpecDto {
  @NotEmpty()
  taskId!: string;
  @NotEmpty()
  sourceAppName!: string;
}

export class LocalServiceInstanceSpecDto extends ServiceInstanceSpecDto {
  @NotEmpty()
  serviceId!: string;
  @NotEmpty()
  serviceName!: string;
  @Optional()
  hostLevelInstance?: boolean;
}

export const parseApplicationInstanceSpec = (json: unknown): Parsed<ApplicationInstanceSpecDto> =>
  parseDto(ApplicationInstanceSpecDto, json);
export const parseTaskInstanceSpec = (json: unknown): Parsed<TaskInstanceSpecDto> =>
  parseDto(TaskInstanceSpecDto, json);
export const parseLocalServiceInstanceSpec = (json: unknown): Parsed<LocalServiceInstanceSpecDto> =>
  parseDto(LocalServiceInstanceSpecDto, json);
