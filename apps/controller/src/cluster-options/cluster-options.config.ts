import {
  ClusterOpSpecDto,
  Duration,
  SpecValidationOptions,
  clusterOpSpec,
  normaliseHostPath,
} from '@drove/domain';
import { IsArray, IsBoolean, IsInt, Max, Min } from 'class-validator';
import { problemValidator } from '../auth/problem-validator';
import { IsDurationWithin } from '../config/staleness.config';
import { ClusterOptionsSettings } from './cluster-options.tokens';
import { IgnoredDroveOptions } from './ignored-options';

/** Every entry an absolute path: a relative one could never match a volume's host path. */
function IsAbsoluteDirList(): PropertyDecorator {
  return problemValidator('isAbsoluteDirList', (value) => {
    if (!Array.isArray(value)) return 'must be a list of absolute directories, e.g. [/var/lib/drove]';
    const bad = value.filter((dir) => typeof dir !== 'string' || normaliseHostPath(dir) === null);
    return bad.length === 0 ? null : `must list absolute directories; not absolute: ${bad.join(', ')}`;
  });
}

/**
 * Drove's controller options that govern specs and the controller's own operations, with Drove's names,
 * defaults and bounds (`options` in the controller YAML).
 */
export class ClusterOperationOptions extends IgnoredDroveOptions {
  /** Host directories volumes may mount from (a path below one of them); empty: any host path. */
  @IsArray()
  @IsAbsoluteDirList()
  allowedMountDirs: string[] = [];

  /** Specs with `args` are refused. */
  @IsBoolean()
  disableCmdlArgs = false;

  /** Specs with `devices` are refused unless this is set. */
  @IsBoolean()
  enableRawDeviceAccess = false;

  /** Timeout of the operations the controller issues itself (recovery, evacuation, stale destroy, local services). */
  @IsDurationWithin(10, 1800)
  clusterOpTimeout = '300 seconds';

  /** Their parallelism; 0 means 1, as in Drove. */
  @IsInt()
  @Min(0)
  @Max(512)
  clusterOpParallelism = 1;

  /** Compiled RULE_BASED placement rules kept by the scheduler (least recently used dropped); 0: none kept. */
  @IsInt()
  @Min(0)
  @Max(1000)
  compiledRuleCacheCount = 100;
}

export const specValidationOptionsOf = (options: ClusterOperationOptions): SpecValidationOptions => ({
  allowedMountDirs: [...options.allowedMountDirs],
  disableCmdlArgs: options.disableCmdlArgs,
  enableRawDeviceAccess: options.enableRawDeviceAccess,
});

export const internalOpSpecOf = (options: ClusterOperationOptions): ClusterOpSpecDto =>
  clusterOpSpec(
    Duration.parse(options.clusterOpTimeout) as Duration,
    Math.max(options.clusterOpParallelism, 1),
  );

/** What ClusterOptionsModule provides, from the YAML options. */
export const clusterOptionsSettingsOf = (options: ClusterOperationOptions): ClusterOptionsSettings => ({
  spec: specValidationOptionsOf(options),
  internalOpSpec: internalOpSpecOf(options),
  ruleCacheSize: options.compiledRuleCacheCount,
});
