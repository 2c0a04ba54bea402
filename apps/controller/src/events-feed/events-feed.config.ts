import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_CHECKPOINT_EVERY, DEFAULT_RECENT_ENTRIES } from './drove-event-feed';

export const EVENTS_FEED_CONFIG = Symbol('EventsFeedConfig');

/**
 * `eventsFeed:` in the controller YAML: how much of Drove's event feed is kept in memory. Every entry keeps a few
 * bytes in an index; the events themselves only for the newest `recentEntries`, older pages are read back from
 * the log (answers are the same either way, only slower for old pages).
 */
export class EventsFeedConfig {
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  recentEntries = DEFAULT_RECENT_ENTRIES;

  /** At least this many entries between two copies of the mapper's state: an old page re-reads up to this many. */
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  checkpointEvery = DEFAULT_CHECKPOINT_EVERY;
}
