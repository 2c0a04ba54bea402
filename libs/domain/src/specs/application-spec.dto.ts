import { CheckSpecDto, PreShutdownSpecDto } from './check-spec.dto';
import { DeployableSpecDto } from './deployable-spec.dto';
import { EnumOf, NestedOf, NotEmpty, NotNull, Optional, Pattern } from './dto-decorators';
import { ExposureSpecDto } from './exposure-spec.dto';
import { NAME_PATTERN, NAME_PATTERN_SOURCE } from './names';
import { PortSpecDto } from './port-spec.dto';

export const JOB_TYPES = ['SERVICE', 'COMPUTATION', 'LOCAL_SERVICE'] as const;
export type JobType = (typeof JOB_TYPES)[number];

// What an application and a local service share beyond the deployable fields.
export abstract class ServiceSpecDto extends DeployableSpecDto {
  @NotEmpty()
  @NestedOf(() => PortSpecDto)
  exposedPorts!: PortSpecDto[];
  @NotNull()
  @EnumOf(JOB_TYPES, 'JobType')
  type!: JobType;
  @NotNull()
  @NestedOf(() => CheckSpecDto)
  healthcheck!: CheckSpecDto;
  @NotNull()
  @NestedOf(() => CheckSpecDto)
  readiness!: CheckSpecDto;
  @Optional()
  @NestedOf(() => PreShutdownSpecDto)
  preShutdown?: PreShutdownSpecDto;
}

export class ApplicationSpecDto extends ServiceSpecDto {
  @NotEmpty('- Application name is mandatory')
  @Pattern(NAME_PATTERN, NAME_PATTERN_SOURCE)
  name!: string;
  @NotEmpty('- App version is mandatory')
  @Pattern(NAME_PATTERN, NAME_PATTERN_SOURCE)
  version!: string;
  @Optional()
  @NestedOf(() => ExposureSpecDto)
  exposureSpec?: ExposureSpecDto;
}
