import { EnumOf, NotEmpty, Optional } from './dto-decorators';

export const EXPOSURE_MODES = ['ALL', 'ONE'] as const;
export type ExposureMode = (typeof EXPOSURE_MODES)[number];

export class ExposureSpecDto {
  @NotEmpty()
  vhost!: string;
  @NotEmpty()
  portName!: string;
  @Optional()
  @EnumOf(EXPOSURE_MODES, 'ExposureMode')
  mode?: ExposureMode;
}
