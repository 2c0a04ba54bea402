import { DeployableSpecDto } from './deployable-spec.dto';
import { NotEmpty, Pattern } from './dto-decorators';
import { NAME_PATTERN, NAME_PATTERN_SOURCE } from './names';

export class TaskSpecDto extends DeployableSpecDto {
  @NotEmpty('- Source Application name is mandatory')
  @Pattern(NAME_PATTERN, NAME_PATTERN_SOURCE)
  sourceAppName!: string;
  @NotEmpty('- Task ID is mandatory')
  @Pattern(NAME_PATTERN, NAME_PATTERN_SOURCE)
  taskId!: string;
}
