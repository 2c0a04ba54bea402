import { DroveEvent, DroveEventMapper, DroveEventsList, droveEventsSummary } from '@drove/domain';
import { StoredEvent } from '@drove/events';

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
  private readonly events: DroveEvent[] = [];
  private lastPosition = 0;

  get position(): number {
    return this.lastPosition;
  }

  /** Idempotent: a position already applied is skipped (subscriptions are at least once). */
  apply(stored: StoredEvent): void {
    if (stored.position <= this.lastPosition) return;
    this.lastPosition = stored.position;
    const previous = this.events.length > 0 ? this.events[this.events.length - 1].time : 0;
    const time = Math.max(stored.time, previous);
    for (const event of this.mapper.apply({ ...stored, time })) this.events.push(event);
  }

  latest(lastSyncTime: number, size: number): DroveEventsList {
    const start = this.firstAfter(lastSyncTime);
    let end = Math.min(start + size, this.events.length);
    if (end > start && end < this.events.length && this.events[end].time === this.events[end - 1].time) {
      const groupTime = this.events[end - 1].time;
      let groupStart = end - 1;
      while (groupStart > start && this.events[groupStart - 1].time === groupTime) groupStart -= 1;
      if (groupStart > start) end = groupStart;
      else while (end < this.events.length && this.events[end].time === groupTime) end += 1;
    }
    const page = this.events.slice(start, end);
    return {
      events: page.reverse(),
      lastSyncTime: end > start ? this.events[end - 1].time : lastSyncTime,
    };
  }

  summary(lastSyncTime: number): ReturnType<typeof droveEventsSummary> {
    return droveEventsSummary(this.events.slice(this.firstAfter(lastSyncTime)), lastSyncTime);
  }

  /** Index of the first event with time > t (times are non-decreasing: binary search). */
  private firstAfter(t: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.events[mid].time > t) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
