import { Integer, Max, Min, NotEmpty, Optional, TypeId } from './dto-decorators';

export class LocalLoggingSpecDto {
  @TypeId()
  type = 'LOCAL' as const;
  @NotEmpty()
  maxSize!: string;
  @Integer()
  @Min(1)
  @Max(100)
  maxFiles = 0;
  @Optional()
  compress?: boolean;
}

export class RsyslogLoggingSpecDto {
  @TypeId()
  type = 'RSYSLOG' as const;
  @NotEmpty()
  server!: string;
  @Optional()
  tagPrefix?: string;
  @Optional()
  tagSuffix?: string;
}

export type LoggingSpecDto = LocalLoggingSpecDto | RsyslogLoggingSpecDto;

export const loggingSpecTypes = () => ({ LOCAL: LocalLoggingSpecDto, RSYSLOG: RsyslogLoggingSpecDto });

// What the executor applies when a spec has no logging section.
export const DEFAULT_LOGGING: Readonly<LocalLoggingSpecDto> = Object.assign(new LocalLoggingSpecDto(), {
  maxSize: '10m',
  maxFiles: 3,
  compress: true,
});
