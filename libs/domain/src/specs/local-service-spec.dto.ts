import { ServiceSpecDto } from './application-spec.dto';
import { NotEmpty, Pattern } from './dto-decorators';
import { NAME_PATTERN, NAME_PATTERN_SOURCE } from './names';

// An application spec without exposureSpec; its placement must include a LOCAL policy (checked semantically).
export class LocalServiceSpecDto extends ServiceSpecDto {
  @NotEmpty('- Service name is mandatory')
  @Pattern(NAME_PATTERN, NAME_PATTERN_SOURCE)
  name!: string;
  @NotEmpty('- Service version is mandatory')
  @Pattern(NAME_PATTERN, NAME_PATTERN_SOURCE)
  version!: string;
}
