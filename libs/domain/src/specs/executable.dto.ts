import { Duration } from '../common/duration';
import { DurationField, NotEmpty, NotNull, TypeId } from './dto-decorators';

export class DockerCoordinatesDto {
  @TypeId()
  type = 'DOCKER' as const;
  @NotEmpty()
  url!: string;
  @NotNull()
  @DurationField()
  dockerPullTimeout!: Duration;
}

export type ExecutableCoordinatesDto = DockerCoordinatesDto;

// Drove's only executable type, and the one assumed when `type` is missing.
export const executableTypes = () => ({ DOCKER: DockerCoordinatesDto });
