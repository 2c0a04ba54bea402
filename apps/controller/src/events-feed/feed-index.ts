import { DROVE_EVENT_TYPES, DroveEventType } from '@drove/domain';

/** Where a reader is in the feed: after the Drove event `index` of log position `position` (Infinity: all of it). */
export interface FeedCursor {
  position: number;
  index: number;
}

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
const typeCode = new Map<DroveEventType, number>(DROVE_EVENT_TYPES.map((type, code) => [type, code]));

/** One chunk of the index: the columns of CHUNK consecutive entries. */
class Chunk {
  readonly times = new Float64Array(CHUNK);
  readonly positions = new Float64Array(CHUNK);
  readonly indexes = new Uint8Array(CHUNK);
  readonly types = new Uint8Array(CHUNK);
}

/**
 * What the feed must know of every entry to page, count and find cursors without the events themselves: its feed
 * time, log position, index within the position and type, in typed arrays of fixed-size chunks (18 bytes an
 * entry, against a few hundred for the event object, and never copied as the feed grows). Entries are appended
 * in strictly increasing (position, index) order and feed times never decrease, so both cursors are found by
 * binary search.
 */
export class FeedIndex {
  private readonly chunks: Chunk[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(position: number, index: number, time: number, type: DroveEventType): void {
    const at = this.count & IN_CHUNK;
    if (at === 0) this.chunks.push(new Chunk());
    const chunk = this.chunks[this.chunks.length - 1];
    chunk.times[at] = time;
    chunk.positions[at] = position;
    chunk.indexes[at] = index;
    chunk.types[at] = typeCode.get(type) ?? 0;
    this.count += 1;
  }

  timeAt(i: number): number {
    return this.chunks[i >>> CHUNK_BITS].times[i & IN_CHUNK];
  }

  positionAt(i: number): number {
    return this.chunks[i >>> CHUNK_BITS].positions[i & IN_CHUNK];
  }

  indexAt(i: number): number {
    return this.chunks[i >>> CHUNK_BITS].indexes[i & IN_CHUNK];
  }

  typeAt(i: number): DroveEventType {
    return DROVE_EVENT_TYPES[this.chunks[i >>> CHUNK_BITS].types[i & IN_CHUNK]];
  }

  /** An entry is the last Drove event of its position unless the next entry has the same position. */
  lastAt(i: number): boolean {
    return i + 1 >= this.count || this.positionAt(i + 1) !== this.positionAt(i);
  }

  /** Index of the first entry with feed time > t. */
  firstAfterTime(t: number): number {
    return this.search((i) => this.timeAt(i) > t);
  }

  /** Index of the first entry after `cursor`. */
  firstAfter(cursor: FeedCursor): number {
    return this.search((i) => {
      const position = this.positionAt(i);
      return position > cursor.position || (position === cursor.position && this.indexAt(i) > cursor.index);
    });
  }

  /** First i for which `after(i)` holds, `after` being false then true along the entries. */
  private search(after: (i: number) => boolean): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (after(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
