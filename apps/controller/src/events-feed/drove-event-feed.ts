import { DroveEvent, DroveEventMapper, DroveEventType, DroveEventsList } from '@drove/domain';
import { StoredEvent } from '@drove/events';
import { FeedCursor, FeedIndex } from './feed-index';
import { FeedRemapper, LogReader } from './feed-remapper';

/**
 * One Drove event of the feed and where it comes from: the global log position of the stored event it was mapped
 * from, and its index among the Drove events of that position (one stored event can give two: a leadership change
 * is told as LEADERSHIP_LOST then LEADERSHIP_ACQUIRED). Entries are in strictly increasing (position, index) order.
 */
export interface FeedEntry {
  position: number;
  index: number;
  /** The last Drove event of its position. */
  last: boolean;
  event: DroveEvent;
}

export interface DroveEventFeedOptions {
  /** Reads the log (EventStore.readAll); without it every entry is kept in memory. */
  read?: LogReader;
  /** Entries whose events are kept in memory, newest first (default 10,000). */
  recentEntries?: number;
  /** Entries at least between two copies of the mapper kept to re-map older pages from (default 4,096). */
  checkpointEvery?: number;
}

export const DEFAULT_RECENT_ENTRIES = 10_000;
export const DEFAULT_CHECKPOINT_EVERY = 4096;

export type DroveEventsSummary = {
  eventsCount: Partial<Record<DroveEventType, number>>;
  lastSyncTime: number;
};

/**
 * Drove's cluster event feed, folded from the whole log: every controller builds the same feed, so a leader change
 * loses nothing (Drove keeps it in the leader's memory, cleared on every leader change, 60 min at most).
 *
 * Paging keeps Drove's wire shape (`{events, lastSyncTime}`, newest first, clients pass `lastSyncTime` back) but
 * never skips an event: a page is the OLDEST `size` events after `lastSyncTime`, and `lastSyncTime` comes back as
 * the time of the newest one returned, so the next poll resumes right after it. Drove instead keeps the newest
 * `size` and answers with the newest time in its store, silently dropping the rest.
 *
 * Two things make "time > lastSyncTime" a safe cursor:
 * - feed times never go backwards: an event stamped earlier than its predecessor in the log (another
 *   controller's clock) takes its predecessor's time;
 * - a page never ends inside a group of events sharing one millisecond (the next poll would skip the rest of the
 *   group): such a partial group is left for the next page, or, when the group alone is larger than `size`, the
 *   page holds the whole group.
 *
 * Memory: what paging, counting and cursors need of every entry is kept in a compact index (FeedIndex); the event
 * objects themselves only for the newest `recentEntries` (and up to as many again before they are trimmed). Older
 * pages are mapped again from the log (FeedRemapper), so a client is answered exactly as if everything were kept.
 * Without a log reader, everything is kept.
 */
export class DroveEventFeed {
  private readonly mapper = new DroveEventMapper();
  private readonly index = new FeedIndex();
  private readonly remapper: FeedRemapper | undefined;
  private readonly keep: number;
  /** The newest entries' events; recent[0] is entry `recentStart`. */
  private recent: FeedEntry[] = [];
  private recentStart = 0;
  private readonly listeners = new Set<() => void>();
  private lastPosition = 0;

  constructor(options: DroveEventFeedOptions = {}) {
    const { read } = options;
    this.keep = read === undefined ? Infinity : Math.max(1, options.recentEntries ?? DEFAULT_RECENT_ENTRIES);
    this.remapper =
      read === undefined
        ? undefined
        : new FeedRemapper(
            this.index,
            read,
            Math.max(1, options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY),
          );
  }

  get position(): number {
    return this.lastPosition;
  }

  /** Number of entries so far. */
  get length(): number {
    return this.index.length;
  }

  /** Entries whose events are held in memory (the rest are read back from the log when asked for). */
  get inMemory(): number {
    return this.recent.length;
  }

  /** Calls `listener` after each apply that added entries; returns the unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Idempotent: a position already applied is skipped (subscriptions are at least once). */
  apply(stored: StoredEvent): void {
    if (stored.position <= this.lastPosition) return;
    this.lastPosition = stored.position;
    this.remapper?.beforeApply(stored.position, this.mapper);
    const count = this.index.length;
    const time = Math.max(stored.time, count > 0 ? this.index.timeAt(count - 1) : 0);
    const mapped = this.mapper.apply({ ...stored, time });
    mapped.forEach((event, index) => {
      this.index.push(stored.position, index, time, event.type);
      this.recent.push({ position: stored.position, index, last: index === mapped.length - 1, event });
    });
    if (this.recent.length >= 2 * this.keep) {
      const drop = this.recent.length - this.keep;
      this.recent = this.recent.slice(drop);
      this.recentStart += drop;
    }
    if (mapped.length > 0) for (const listener of this.listeners) listener();
  }

  /** Index of the first entry after `cursor`. */
  firstAfter(cursor: FeedCursor): number {
    return this.index.firstAfter(cursor);
  }

  /**
   * Entries [start, end), oldest first: at once when their events are in memory, else read back from the log.
   * The entries in memory are taken before anything is awaited, so a trim meanwhile loses nothing.
   */
  read(start: number, end: number): readonly FeedEntry[] | Promise<FeedEntry[]> {
    const to = Math.min(end, this.index.length);
    const held = this.recent.slice(Math.max(0, start - this.recentStart), Math.max(0, to - this.recentStart));
    if (start >= this.recentStart || this.remapper === undefined) return held;
    return this.remapper
      .entries(start, Math.min(to, this.recentStart))
      .then((older) => (held.length === 0 ? older : [...older, ...held]));
  }

  /**
   * A client with a cursor (`lastSyncTime` > 0) gets the OLDEST `size` events after it, so paging never skips.
   * One without (0: the drove CLI's first call, then it moves to its own clock) gets the NEWEST `size`, as from
   * Drove: the history before them is not something it was following.
   */
  async latest(lastSyncTime: number, size: number): Promise<DroveEventsList> {
    const length = this.index.length;
    if (lastSyncTime === 0) {
      const page = await this.read(Math.max(0, length - size), length);
      return {
        events: page.map((entry) => entry.event).reverse(),
        lastSyncTime: page.at(-1)?.event.time ?? 0,
      };
    }
    const start = this.index.firstAfterTime(lastSyncTime);
    let end = Math.min(start + size, length);
    const timeAt = (i: number): number => this.index.timeAt(i);
    if (end > start && end < length && timeAt(end) === timeAt(end - 1)) {
      const groupTime = timeAt(end - 1);
      let groupStart = end - 1;
      while (groupStart > start && timeAt(groupStart - 1) === groupTime) groupStart -= 1;
      if (groupStart > start) end = groupStart;
      else while (end < length && timeAt(end) === groupTime) end += 1;
    }
    const page = await this.read(start, end);
    return {
      events: page.map((entry) => entry.event).reverse(),
      lastSyncTime: end > start ? timeAt(end - 1) : lastSyncTime,
    };
  }

  /** Drove's counts per type of the events after `lastSyncTime`, from the index alone. */
  summary(lastSyncTime: number): DroveEventsSummary {
    const eventsCount: Partial<Record<DroveEventType, number>> = {};
    const length = this.index.length;
    for (let i = this.index.firstAfterTime(lastSyncTime); i < length; i++) {
      const type = this.index.typeAt(i);
      eventsCount[type] = (eventsCount[type] ?? 0) + 1;
    }
    return {
      eventsCount,
      lastSyncTime: length > 0 ? Math.max(lastSyncTime, this.index.timeAt(length - 1)) : lastSyncTime,
    };
  }
}
