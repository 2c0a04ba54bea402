import { Duration } from '../common/duration';
import { DurationField, EnumOf, Integer, Max, Min, NotEmpty, Optional, StringMap } from './dto-decorators';

export const PROTOCOLS = ['HTTP', 'HTTPS'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export const HTTP_VERBS = ['GET', 'POST', 'PUT'] as const;
export type HttpVerb = (typeof HTTP_VERBS)[number];

// Unlike Drove (whose `http` field lacks @Valid), the nested call spec is validated.
export class HttpCallSpecDto {
  @Optional()
  @EnumOf(PROTOCOLS, 'Protocol')
  protocol?: Protocol;
  @NotEmpty()
  hostname!: string;
  @Optional()
  @Integer()
  @Min(0)
  @Max(65535)
  port?: number;
  @Optional()
  path?: string;
  @Optional()
  @EnumOf(HTTP_VERBS, 'HTTPVerb')
  verb?: HttpVerb;
  @Optional()
  successCodes?: number[];
  @Optional()
  payload?: string;
  @Optional()
  @DurationField()
  connectionTimeout?: Duration;
  @Optional()
  @DurationField()
  operationTimeout?: Duration;
  @Optional()
  username?: string;
  @Optional()
  password?: string;
  @Optional()
  authHeader?: string;
  @Optional()
  @StringMap()
  headers?: Record<string, string>;
  @Optional()
  insecure?: boolean;
}
