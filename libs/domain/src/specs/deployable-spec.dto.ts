import { MaxSize, NestedOf, NotEmpty, NotNull, Optional, PolymorphicOf, StringMap } from './dto-decorators';
import { ConfigSpecDto, configSpecTypes } from './config-spec.dto';
import { DeviceSpecDto, deviceSpecTypes } from './device-spec.dto';
import { ExecutableCoordinatesDto, executableTypes } from './executable.dto';
import { LoggingSpecDto, loggingSpecTypes } from './logging-spec.dto';
import { MountedVolumeDto } from './mounted-volume.dto';
import { PlacementPolicyDto, placementPolicyTypes } from './placement-policy.dto';
import { ResourceRequirementDto, resourceRequirementTypes } from './resource-requirement.dto';
import { UserSpecDto } from './user-spec.dto';

// The fields every deployable (application, task, local service) shares, in Drove's JSON names.
export abstract class DeployableSpecDto {
  @NotNull()
  @PolymorphicOf('ExecutableCoordinates', executableTypes, 'DOCKER')
  executable!: ExecutableCoordinatesDto;
  @Optional()
  @NestedOf(() => MountedVolumeDto)
  volumes?: MountedVolumeDto[];
  @Optional()
  @PolymorphicOf('ConfigSpec', configSpecTypes)
  configs?: ConfigSpecDto[];
  @Optional()
  @PolymorphicOf('LoggingSpec', loggingSpecTypes)
  logging?: LoggingSpecDto;
  @NotEmpty()
  @PolymorphicOf('ResourceRequirement', resourceRequirementTypes)
  resources!: ResourceRequirementDto[];
  @Optional()
  @PolymorphicOf('PlacementPolicy', placementPolicyTypes)
  placementPolicy?: PlacementPolicyDto;
  @Optional()
  @StringMap()
  tags?: Record<string, string>;
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
