import { IsArray, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsDurationWithin, StalenessOptions } from '../config/staleness.config';

/**
 * Drove controller options a Drove config commonly carries that have no effect here. They are accepted, with
 * Drove's bounds, so such a config starts; the controller warns at startup for each one set (`ignoredOptionsSet`).
 * Unset (undefined) is the default, so only what the file names is warned about.
 */
export class IgnoredDroveOptions extends StalenessOptions {
  /** Drove parses the three retry options and then ignores them (its retry factory has built-in values). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(32)
  jobRetryCount?: number;

  @IsOptional()
  @IsDurationWithin(1, 1800)
  jobRetryInterval?: string;

  @IsOptional()
  @IsDurationWithin(5, 1800)
  instanceStateCheckRetryInterval?: string;

  /** Drove keeps events in memory this long; here they come from the log, which keeps all of them. */
  @IsOptional()
  @IsString()
  maxEventsStorageDuration?: string;

  /** Drove's deprecated predecessor of maxEventsStorageDuration. */
  @IsOptional()
  @IsInt()
  @Min(0)
  maxEventsStorageCount?: number;

  /** Drove's access-audit log filter; here `audit:` records every write and every denial. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  auditedHttpMethods?: string[];

  /** The rule dialects here have no imports. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  allowedRuleImportPackages?: string[];
}

const IGNORED: readonly (keyof IgnoredDroveOptions)[] = [
  'jobRetryCount',
  'jobRetryInterval',
  'instanceStateCheckRetryInterval',
  'maxEventsStorageDuration',
  'maxEventsStorageCount',
  'auditedHttpMethods',
  'allowedRuleImportPackages',
];

/** The accepted-without-effect options the config file sets, for the startup warning. */
export const ignoredOptionsSet = (options: IgnoredDroveOptions): string[] =>
  IGNORED.filter((key) => options[key] !== undefined);
