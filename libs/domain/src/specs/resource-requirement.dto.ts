import { Integer, Min, NotNull, TypeId } from './dto-decorators';
import { CpuRequirement, MemoryRequirement } from './resource-requirement';

export class CpuRequirementDto implements CpuRequirement {
  @TypeId()
  type = 'CPU' as const;
  @NotNull()
  @Integer()
  @Min(0)
  count!: number;
}

export class MemoryRequirementDto implements MemoryRequirement {
  @TypeId()
  type = 'MEMORY' as const;
  @NotNull()
  @Integer()
  @Min(0)
  sizeInMB!: number;
}

export type ResourceRequirementDto = CpuRequirementDto | MemoryRequirementDto;

export const resourceRequirementTypes = () => ({ CPU: CpuRequirementDto, MEMORY: MemoryRequirementDto });
