import { NotEmpty, Optional } from './dto-decorators';

export class UserSpecDto {
  @NotEmpty()
  user!: string;
  @Optional()
  group?: string;
}
