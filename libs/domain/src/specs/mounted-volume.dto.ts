import { EnumOf, NotEmpty, NotNull } from './dto-decorators';

export const MOUNT_MODES = ['READ_WRITE', 'READ_ONLY'] as const;
export type MountMode = (typeof MOUNT_MODES)[number];

export class MountedVolumeDto {
  @NotEmpty()
  pathInContainer!: string;
  @NotEmpty()
  pathOnHost!: string;
  @NotNull()
  @EnumOf(MOUNT_MODES, 'MountMode')
  mode!: MountMode;
}
