import { DroveEvent, DroveEventMapper, DroveEventsList, droveEventsSummary } from '@drove/domain';
import { StoredEvent } from '@drove/events';

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
 */
export class DroveEventFeed {
  private readonly mapper = new DroveEventMapper();
  private readonly events: FeedEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private lastPosition = 0;

  get position(): number {
    return this.lastPosition;
  }

  /** Every entry so far, oldest first; the array grows in place (readers keep an index into it). */
  get entries(): readonly FeedEntry[] {
    return this.events;
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
    const previous = this.events.length > 0 ? this.events[this.events.length - 1].event.time : 0;
    const time = Math.max(stored.time, previous);
    const mapped = this.mapper.apply({ ...stored, time });
    mapped.forEach((event, index) =>
      this.events.push({ position: stored.position, index, last: index === mapped.length - 1, event }),
    );
    if (mapped.length > 0) for (const listener of this.listeners) listener();
  }

  /**
   * A client with a cursor (`lastSyncTime` > 0) gets the OLDEST `size` events after it, so paging never skips.
   * One without (0: the drove CLI's first call, then it moves to its own clock) gets the NEWEST `size`, as from
   * Drove: the history before them is not something it was following.
   */
  latest(lastSyncTime: number, size: number): DroveEventsList {
    if (lastSyncTime === 0) return this.newest(size);
    const start = this.firstAfter(lastSyncTime);
    let end = Math.min(start + size, this.events.length);
    const timeAt = (i: number): number => this.events[i].event.time;
    if (end > start && end < this.events.length && timeAt(end) === timeAt(end - 1)) {
      const groupTime = timeAt(end - 1);
      let groupStart = end - 1;
      while (groupStart > start && timeAt(groupStart - 1) === groupTime) groupStart -= 1;
      if (groupStart > start) end = groupStart;
      else while (end < this.events.length && timeAt(end) === groupTime) end += 1;
    }
    const page = this.events.slice(start, end).map((entry) => entry.event);
    return {
      events: page.reverse(),
      lastSyncTime: end > start ? timeAt(end - 1) : lastSyncTime,
    };
  }

  private newest(size: number): DroveEventsList {
    const page = this.events.slice(Math.max(0, this.events.length - size)).map((entry) => entry.event);
    return {
      events: page.reverse(),
      lastSyncTime: page.length > 0 ? page[0].time : 0,
    };
  }

  summary(lastSyncTime: number): ReturnType<typeof droveEventsSummary> {
    const after = this.events.slice(this.firstAfter(lastSyncTime)).map((entry) => entry.event);
    return droveEventsSummary(after, lastSyncTime);
  }

  /** Index of the first event with time > t (times are non-decreasing: binary search). */
  private firstAfter(t: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.events[mid].event.time > t) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
