import { Duration } from '../common/duration';
import {
  DurationField,
  EnumOf,
  Integer,
  Max,
  Min,
  NotEmpty,
  NotNull,
  Optional,
  PolymorphicOf,
  TypeId,
} from './dto-decorators';
import { HTTP_VERBS, HttpVerb, PROTOCOLS, Protocol } from './http-call-spec.dto';

export class HttpCheckModeSpecDto {
  @TypeId()
  type = 'HTTP' as const;
  // Drove does not annotate protocol but dereferences it (NPE); here it is required.
  @NotNull()
  @EnumOf(PROTOCOLS, 'Protocol')
  protocol!: Protocol;
  @NotEmpty()
  portName!: string;
  @NotEmpty()
  path!: string;
  @NotNull()
  @EnumOf(HTTP_VERBS, 'HTTPVerb')
  verb!: HttpVerb;
  @NotEmpty()
  successCodes!: number[];
  @Optional()
  payload?: string;
  @Optional()
  @DurationField()
  connectionTimeout?: Duration;
  @Optional()
  insecure?: boolean;
}

export class CmdCheckModeSpecDto {
  @TypeId()
  type = 'CMD' as const;
  @NotEmpty()
  command!: string;
  @Optional()
  shellDisabled?: boolean;
}

export type CheckModeSpecDto = HttpCheckModeSpecDto | CmdCheckModeSpecDto;

export const checkModeTypes = () => ({ HTTP: HttpCheckModeSpecDto, CMD: CmdCheckModeSpecDto });

export class CheckSpecDto {
  // Drove dereferences a missing mode (NPE -> 500); here it is a validation error.
  @NotNull()
  @PolymorphicOf('CheckModeSpec', checkModeTypes)
  mode!: CheckModeSpecDto;
  @NotNull()
  @DurationField()
  timeout!: Duration;
  @NotNull()
  @DurationField()
  interval!: Duration;
  @Integer()
  @Min(1)
  @Max(100)
  attempts = 0;
  @Optional()
  @DurationField()
  initialDelay?: Duration;
}

export class PreShutdownSpecDto {
  @Optional()
  @PolymorphicOf('CheckModeSpec', checkModeTypes)
  hooks?: CheckModeSpecDto[];
  @Optional()
  @DurationField()
  waitBeforeKill?: Duration;
}
