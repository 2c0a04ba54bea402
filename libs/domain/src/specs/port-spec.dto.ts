import { EnumOf, Integer, Max, Min, NotEmpty, NotNull, Pattern } from './dto-decorators';
import { PORT_NAME_PATTERN, PORT_NAME_PATTERN_SOURCE } from './names';

export const PORT_TYPES = ['HTTP', 'HTTPS', 'TCP', 'UDP'] as const;
export type PortType = (typeof PORT_TYPES)[number];

export class PortSpecDto {
  @NotEmpty()
  @Pattern(PORT_NAME_PATTERN, PORT_NAME_PATTERN_SOURCE)
  name!: string;
  @Integer()
  @Min(1)
  @Max(65535)
  port = 0;
  @NotNull()
  @EnumOf(PORT_TYPES, 'PortType')
  type!: PortType;
}
