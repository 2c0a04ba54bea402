import { Duration } from '@drove/domain';
import { IsInt, Max, Min } from 'class-validator';
import { problemValidator } from '../auth/problem-validator';
import { RetentionOptions } from '../retention/retention.config';

const SECOND_MS = 1000;

/** A Drove duration string (`45 seconds`, `2 minutes`) within Drove's bounds for an option. */
export function IsDurationWithin(minSeconds: number, maxSeconds: number): PropertyDecorator {
  return problemValidator('isDurationWithin', (value) => {
    const parsed = typeof value === 'string' ? Duration.parse(value) : undefined;
    if (parsed === undefined) return 'must be a duration such as "45 seconds" or "2 minutes"';
    const ms = parsed.toMillis();
    return ms >= minSeconds * SECOND_MS && ms <= maxSeconds * SECOND_MS
      ? null
      : `must be between ${minSeconds} seconds and ${maxSeconds} seconds`;
  });
}

/**
 * Drove's staleness rules (`options` in the controller YAML), on top of the retention options: an executor whose
 * node data is older than `staleExecutorAge` is removed even if its ZooKeeper znode lives on (a hung process),
 * and an active instance or an unfinished task not heard of for `instanceStalenessMs` is LOST (instances replaced).
 */
export class StalenessOptions extends RetentionOptions {
  /** Drove's option, with its default and bounds (10 s .. 3600 s). */
  @IsDurationWithin(10, 3600)
  staleExecutorAge = '45 seconds';

  /** Drove's fixed 60 s, made an option (also the `/endpoints` and sibling-discovery freshness). */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  instanceStalenessMs = 60000;
}
