import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  InstanceInfoJson,
  InstanceState,
  LocalInstanceInfoJson,
  LocalServiceInstanceInfoJson,
  PortMappingJson,
  ResourceAllocationJson,
} from '@drove/domain';
import { allocationTypes, PolymorphicProperty } from '@drove/openapi';

// Drove's runtime records (InstanceInfo, TaskInfo) as executors report them and the API returns them.

export class PortMappingDto implements PortMappingJson {
  containerPort!: number;
  hostPort!: number;
  /** HTTP, HTTPS, TCP or UDP. */
  portType!: string;
}

export class LocalInstanceInfoDto implements LocalInstanceInfoJson {
  hostname!: string;
  /** By port name, as the spec's `exposedPorts` name them. */
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(PortMappingDto) } })
  ports!: Record<string, PortMappingDto>;
}

/** A list of CPU and MEMORY allocations, discriminated by `type`. */
export const ResourceAllocations = (): PropertyDecorator =>
  PolymorphicProperty(allocationTypes(), true, true);

abstract class InstanceInfoCommonDto {
  instanceId!: string;
  executorId!: string;
  localInfo?: LocalInstanceInfoDto;
  @ResourceAllocations()
  resources!: ResourceAllocationJson[];
  state!: InstanceState;
  metadata!: Record<string, string>;
  errorMessage!: string;
  /** Epoch ms. */
  created!: number;
  /** Epoch ms of the last reported change. */
  updated!: number;
}

export class InstanceInfoDto extends InstanceInfoCommonDto implements InstanceInfoJson {
  appId!: string;
  appName!: string;
}

export class LocalServiceInstanceInfoDto
  extends InstanceInfoCommonDto
  implements LocalServiceInstanceInfoJson
{
  serviceId!: string;
  serviceName!: string;
}
