import { IsBoolean, IsNotEmpty, IsString } from 'class-validator';

/**
 * `audit:` in the controller YAML. Off by default: a laptop cluster needs no compliance file, and a file that
 * grows without a logrotate rule behind it is a trap. When on, relative paths are taken from the working directory.
 */
export class AuditLogConfig {
  @IsBoolean()
  enabled = false;

  @IsString()
  @IsNotEmpty()
  logFile = '.local/audit/controller-audit.log';
}
