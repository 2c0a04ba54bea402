import { Duration } from '@drove/domain';
import { IsInt, Max, Min } from 'class-validator';
import { problemValidator } from '../auth/problem-validator';

const MINUTE_MS = 60_000;

/** A Drove duration string (`7 days`, `1 hour`, `30m`) of at least one minute, as Drove's options require. */
function IsDurationOfAMinuteOrMore(): PropertyDecorator {
  return problemValidator('isDurationOfAMinuteOrMore', (value) => {
    const parsed = typeof value === 'string' ? Duration.parse(value) : undefined;
    if (parsed === undefined) return 'must be a duration such as "7 days", "1 hour" or "30m"';
    return parsed.toMillis() >= MINUTE_MS ? null : 'must be at least 1 minute';
  });
}

export const durationMs = (text: string): number => (Duration.parse(text) as Duration).toMillis();

/**
 * Drove's StaleDataCleaner options, with Drove's names and defaults (`options` in the controller YAML): the
 * leader destroys apps suspended and local services inactive for too long, and drops old instance records and
 * finished task records from the views; the log keeps them.
 */
export class RetentionOptions {
  /** Period of the leader's check. */
  @IsDurationOfAMinuteOrMore()
  staleCheckInterval = '1 hour';

  /** Apps in MONITORING (suspended, no instances) not changed for this long are destroyed. */
  @IsDurationOfAMinuteOrMore()
  staleAppAge = '7 days';

  /** Local services INACTIVE and not changed for this long are destroyed. */
  @IsDurationOfAMinuteOrMore()
  staleServiceAge = '7 days';

  /** Instances in a non-active state (`/instances/old`) last changed longer ago are dropped. */
  @IsDurationOfAMinuteOrMore()
  staleInstanceAge = '7 days';

  /** At most this many old instances are kept per app, the newest; 0 means 100, as in Drove. */
  @IsInt()
  @Min(0)
  @Max(4096)
  maxStaleInstancesCount = 100;

  /** Tasks in a terminal state (STOPPED, LOST) last changed longer ago are dropped. */
  @IsDurationOfAMinuteOrMore()
  staleTaskAge = '2 days';
}
