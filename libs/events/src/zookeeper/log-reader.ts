import { inflateRawSync } from 'node:zlib';
import type { NdjsonArchive } from '../archive/ndjson-archive';
import type { StoredEvent } from '../core/event-store.port';
import { decodeLogHead, type LogHead } from './log-head';
import { isNoNode, type Zk } from './zk-client';
import { parseItem, parseSegmentName, type SegmentItem, type ZkLayout } from './zk-layout';

/** Segment listings kept: a live segment's can hold thousands of names. */
const CACHED_LISTINGS = 16;

export interface SegmentMarker {
  /** Set once the segment's chunks are all written: readers use the chunks, not the entries. */
  packed?: number;
}

/**
 * Reads positions of the global log wherever they are: archived NDJSON, compacted chunks or live entries. A
 * segment changes only by growing at its end, by compaction or by archival, so listings are cached; a vanished
 * znode means the segment moved on, and the read is retried against the new place.
 */
export class LogReader {
  private archivedBelow = 0;
  private readonly listings = new Map<number, SegmentItem[]>();
  private readonly decoded = new Map<string, StoredEvent[]>();

  constructor(
    private readonly zk: Zk,
    private readonly layout: ZkLayout,
    private readonly archive?: NdjsonArchive,
  ) {}

  async head(): Promise<LogHead> {
    return decodeLogHead((await this.zk.getData(this.layout.logHead)).data);
  }

  async refreshArchived(): Promise<number> {
    const { data } = await this.zk.getData(this.layout.archive);
    this.archivedBelow =
      data.length === 0 ? 0 : (JSON.parse(data.toString('utf8')) as { below: number }).below;
    return this.archivedBelow;
  }

  /** Events at positions lo..hi, all of which must be written (hi <= head). */
  async range(lo: number, hi: number, recent: string[] = []): Promise<StoredEvent[]> {
    const near = await this.fromRecent(lo, hi, recent);
    if (near) return near;
    const reads: Promise<StoredEvent[]>[] = [];
    for (let segment = this.layout.segmentOf(lo); segment <= this.layout.segmentOf(hi); segment += 1) {
      const from = Math.max(lo, this.layout.segmentStart(segment));
      const to = Math.min(hi, this.layout.segmentEnd(segment));
      reads.push(this.segment(segment, from, to));
    }
    // Segments are fetched together, so one segment's decoding overlaps the next one's round trips.
    const parts = await Promise.all(reads);
    return parts.length === 1 ? parts[0] : parts.flat();
  }

  /** Every event of a sealed segment, as stored. */
  async wholeSegment(segment: number): Promise<StoredEvent[]> {
    return this.segment(segment, this.layout.segmentStart(segment), this.layout.segmentEnd(segment));
  }

  forget(segment: number): void {
    this.listings.delete(segment);
    for (const path of this.decoded.keys())
      if (path.startsWith(this.layout.segment(segment))) this.decoded.delete(path);
  }

  private async segment(segment: number, lo: number, hi: number): Promise<StoredEvent[]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if (segment < this.archivedBelow) return this.fromArchive(segment, lo, hi);
        const items = await this.listing(segment, hi);
        const wanted = items.filter((item) => item.last >= lo && item.first <= hi);
        const parts = await Promise.all(wanted.map((item) => this.item(segment, item)));
        return parts.flat().filter((event) => event.position >= lo && event.position <= hi);
      } catch (error) {
        if (!isNoNode(error) || attempt >= 3) throw error;
        this.forget(segment);
        await this.refreshArchived();
      }
    }
  }

  /** Reads lo..hi from the entries the log head names, when they reach back to lo and still exist. */
  private async fromRecent(lo: number, hi: number, recent: string[]): Promise<StoredEvent[] | undefined> {
    const entries = recent.flatMap((name) => {
      const [segmentName, itemName] = name.split('/');
      const segment = parseSegmentName(segmentName);
      const item = parseItem(itemName);
      return segment === undefined || item === undefined ? [] : [{ segment, item }];
    });
    if (entries.length === 0 || entries[0].item.first > lo) return undefined;
    const wanted = entries.filter(({ item }) => item.last >= lo && item.first <= hi);
    try {
      const parts = await Promise.all(wanted.map(({ segment, item }) => this.item(segment, item)));
      return parts.flat().filter((event) => event.position >= lo && event.position <= hi);
    } catch (error) {
      // Compacted or archived since the head was read: the segment path finds them.
      if (isNoNode(error)) return undefined;
      throw error;
    }
  }

  private async fromArchive(segment: number, lo: number, hi: number): Promise<StoredEvent[]> {
    if (!this.archive) throw new Error(`segment ${segment} is archived, but this store has no archiveDir`);
    const events = await this.archive.read(segment);
    return events.filter((event) => event.position >= lo && event.position <= hi);
  }

  /**
   * A segment's entries (or chunks) in order. Entries only ever join a segment at its end, so a cached listing
   * stays right for every position up to its last entry; it is fetched again only to reach further.
   */
  private async listing(segment: number, hi: number): Promise<SegmentItem[]> {
    const cached = this.listings.get(segment);
    if (cached && cached.length > 0 && cached[cached.length - 1].last >= hi) return cached;
    const path = this.layout.segment(segment);
    const [{ data }, children] = await Promise.all([this.zk.getData(path), this.zk.getChildren(path)]);
    const marker = data.length === 0 ? {} : (JSON.parse(data.toString('utf8')) as SegmentMarker);
    const kind = marker.packed === undefined ? 'e' : 'c';
    const items = children
      .map(parseItem)
      .filter((item): item is SegmentItem => item?.kind === kind)
      .sort((a, b) => a.first - b.first);
    this.listings.delete(segment);
    this.listings.set(segment, items);
    if (this.listings.size > CACHED_LISTINGS) this.listings.delete(this.listings.keys().next().value!);
    return items;
  }

  private async item(segment: number, item: SegmentItem): Promise<StoredEvent[]> {
    const path = `${this.layout.segment(segment)}/${item.name}`;
    const cached = this.decoded.get(path);
    if (cached) return cached;
    const { data } = await this.zk.getData(path);
    const text = item.kind === 'c' ? inflateRawSync(data).toString('utf8') : data.toString('utf8');
    const events = JSON.parse(text) as StoredEvent[];
    if (item.kind === 'c') this.remember(path, events);
    return events;
  }

  /** Keeps the last few chunks decoded: paged reads walk one chunk many times. */
  private remember(path: string, events: StoredEvent[]): void {
    this.decoded.set(path, events);
    if (this.decoded.size > 4) this.decoded.delete(this.decoded.keys().next().value!);
  }
}
