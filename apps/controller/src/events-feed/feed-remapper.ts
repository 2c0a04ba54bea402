import { DroveEventMapper } from '@drove/domain';
import { StoredEvent } from '@drove/events';
import { FeedIndex } from './feed-index';
import type { FeedEntry } from './drove-event-feed';

/** Reads the log in order from `from`, at most `limit` events (EventStore.readAll). */
export type LogReader = (from: number, limit: number) => Promise<StoredEvent[]>;

/** The mapper as it was before log position `position`, whose first Drove event is feed entry `entry`. */
export interface MapperCheckpoint {
  entry: number;
  position: number;
  mapper: DroveEventMapper;
}

const READ_BATCH = 2000;
/** Where recent reads ended, kept so that a reader going on from there (an SSE catch-up) re-reads nothing. */
const RESUME_POINTS = 8;

/**
 * Entries the feed no longer keeps, mapped again from the log. The mapper is stateful (an app's facts come from
 * its creation event), so the log is re-read from a checkpoint of the mapper at or before the first entry asked
 * for; feed times come from the index (they were corrected when first folded). Every re-mapped entry is checked
 * against the index: a log that disagrees is an error, never a page with events missing or moved.
 */
export class FeedRemapper {
  private readonly checkpoints: MapperCheckpoint[] = [];
  private resumePoints: MapperCheckpoint[] = [];

  constructor(
    private readonly index: FeedIndex,
    private readonly read: LogReader,
    private readonly checkpointEvery: number,
  ) {}

  /**
   * Called by the feed before it maps the event at `position` with `mapper`. A checkpoint costs a copy of the
   * mapper's state, so they are taken at least `checkpointEvery` entries apart and, for a mapper that remembers
   * many apps, at least eight entries per thing remembered: their memory stays a fraction of the index's.
   */
  beforeApply(position: number, mapper: DroveEventMapper): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    const since = this.index.length - (last?.entry ?? 0);
    if (last !== undefined && since < Math.max(this.checkpointEvery, 8 * mapper.size)) return;
    this.checkpoints.push({ entry: this.index.length, position, mapper: mapper.clone() });
  }

  /** Entries [start, end) re-mapped from the log. */
  async entries(start: number, end: number): Promise<FeedEntry[]> {
    if (start >= end) return [];
    const from = this.checkpointAt(start);
    const mapper = from.mapper.clone();
    const lastPosition = this.index.positionAt(end - 1);
    const out: FeedEntry[] = [];
    let entry = from.entry;
    for (let next = from.position; next <= lastPosition;) {
      const page = await this.read(next, Math.min(READ_BATCH, lastPosition - next + 1));
      if (page.length === 0 || page[0].position !== next) {
        throw new Error(`event feed: the log has no event at position ${next} (feed entry ${entry})`);
      }
      for (const stored of page) {
        const mapped = mapper.apply(stored);
        mapped.forEach((event, i) => {
          this.check(entry, stored.position, i, event.type);
          if (entry >= start && entry < end) {
            out.push({ position: stored.position, index: i, last: i === mapped.length - 1, event });
            event.time = this.index.timeAt(entry);
          }
          entry += 1;
        });
      }
      next = page[page.length - 1].position + 1;
    }
    if (out.length !== end - start) throw new Error(`event feed: entries ${start}..${end} not in the log`);
    this.resumePoints = [{ entry, position: lastPosition + 1, mapper }, ...this.resumePoints].slice(
      0,
      RESUME_POINTS,
    );
    return out;
  }

  private check(entry: number, position: number, i: number, type: string): void {
    const index = this.index;
    const same =
      entry < index.length &&
      index.positionAt(entry) === position &&
      index.indexAt(entry) === i &&
      index.typeAt(entry) === type;
    if (same) return;
    throw new Error(`event feed: log position ${position} does not map to feed entry ${entry} again`);
  }

  /** The nearest checkpoint or resume point at or before entry `start` (the first is taken before any entry). */
  private checkpointAt(start: number): MapperCheckpoint {
    const checkpoint = this.latestCheckpointAt(start);
    return this.resumePoints.reduce(
      (best, point) => (point.entry <= start && point.entry > best.entry ? point : best),
      checkpoint,
    );
  }

  private latestCheckpointAt(start: number): MapperCheckpoint {
    let low = 0;
    let high = this.checkpoints.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.checkpoints[mid].entry <= start) low = mid;
      else high = mid - 1;
    }
    return this.checkpoints[low];
  }
}
