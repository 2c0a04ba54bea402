import { DROVE_EVENT_TYPES, DroveEventType } from '@drove/domain';

/** Where a reader is in the feed: after the Drove event `index` of log position `position` (Infinity: all of it). */
export interface FeedCursor {
  position: number;
  index: number;
}

const INITIAL_CAPACITY = 1024;
const typeCode = new Map<DroveEventType, number>(DROVE_EVENT_TYPES.map((type, code) => [type, code]));

/**
 * What the feed must know of every entry to page, count and find cursors without the events themselves: its feed
 * time, log position, index within the position and type, in typed arrays (18 bytes an entry, against a few
 * hundred for the event object). Entries are appended in strictly increasing (position, index) order and feed
 * times never decrease, so both cursors are found by binary search.
 */
export class FeedIndex {
  private times = new Float64Array(INITIAL_CAPACITY);
  private positions = new Float64Array(INITIAL_CAPACITY);
  private indexes = new Uint8Array(INITIAL_CAPACITY);
  private types = new Uint8Array(INITIAL_CAPACITY);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(position: number, index: number, time: number, type: DroveEventType): void {
    if (this.count === this.times.length) this.grow();
    const at = this.count;
    this.times[at] = time;
    this.positions[at] = position;
    this.indexes[at] = index;
    this.types[at] = typeCode.get(type) ?? 0;
    this.count += 1;
  }

  timeAt(i: number): number {
    return this.times[i];
  }

  positionAt(i: number): number {
    return this.positions[i];
  }

  indexAt(i: number): number {
    return this.indexes[i];
  }

  typeAt(i: number): DroveEventType {
    return DROVE_EVENT_TYPES[this.types[i]];
  }

  /** An entry is the last Drove event of its position unless the next entry has the same position. */
  lastAt(i: number): boolean {
    return i + 1 >= this.count || this.positions[i + 1] !== this.positions[i];
  }

  /** Index of the first entry with feed time > t. */
  firstAfterTime(t: number): number {
    return this.search((i) => this.times[i] > t);
  }

  /** Index of the first entry after `cursor`. */
  firstAfter(cursor: FeedCursor): number {
    return this.search(
      (i) =>
        this.positions[i] > cursor.position ||
        (this.positions[i] === cursor.position && this.indexes[i] > cursor.index),
    );
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

  private grow(): void {
    const size = this.times.length * 2;
    const grown = <T extends Float64Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.times = grown(this.times, new Float64Array(size));
    this.positions = grown(this.positions, new Float64Array(size));
    this.indexes = grown(this.indexes, new Uint8Array(size));
    this.types = grown(this.types, new Uint8Array(size));
  }
}
