import { deflateRawSync } from 'node:zlib';
import type { NdjsonArchive } from '../archive/ndjson-archive';
import type { StoredEvent } from '../core/event-store.port';
import type { LogReader, SegmentMarker } from './log-reader';
import type { Zk } from './zk-client';
import { parseItem, parseSegmentName, type ZkLayout } from './zk-layout';
import { CHUNK_BYTES } from './zk-snapshots';

const REMOVALS_AT_ONCE = 1000;

/**
 * Moves sealed segments on: compaction packs a segment's entries into few deflated chunk znodes (events and
 * hashes unchanged) so replay reads megabytes per round trip; archival writes a segment to NDJSON and removes it
 * from ZooKeeper. A crash at any step leaves the segment readable, and the next run finishes the job.
 */
export class Compactor {
  constructor(
    private readonly zk: Zk,
    private readonly layout: ZkLayout,
    private readonly reader: LogReader,
    private readonly archiveStore?: NdjsonArchive,
  ) {}

  async compact(): Promise<number[]> {
    const done: number[] = [];
    const { segments } = await this.sealedSegments();
    for (const segment of segments) {
      const path = this.layout.segment(segment);
      const { data } = await this.zk.getData(path);
      const marker = data.length === 0 ? {} : (JSON.parse(data.toString('utf8')) as SegmentMarker);
      const children = (await this.zk.getChildren(path)).map(parseItem);
      if (marker.packed === undefined) {
        const leftovers = children
          .filter((item) => item?.kind === 'c')
          .map((item) => `${path}/${item!.name}`);
        await this.removeAll(leftovers);
        const events = await this.reader.wholeSegment(segment);
        const chunks = packChunks(events);
        await Promise.all(
          chunks.map((chunk) => this.zk.create(this.layout.chunk(chunk.first, chunk.last), chunk.data)),
        );
        const packed: SegmentMarker = { packed: chunks.length };
        await this.zk.setData(path, Buffer.from(JSON.stringify(packed)));
        this.reader.forget(segment);
        done.push(segment);
      }
      await this.removeAll(
        children.filter((item) => item?.kind === 'e').map((item) => `${path}/${item!.name}`),
      );
    }
    return done;
  }

  async archive(): Promise<number[]> {
    if (!this.archiveStore) throw new Error('archive() needs the archiveDir option');
    const done: number[] = [];
    const below = await this.reader.refreshArchived();
    const { segments, all } = await this.sealedSegments();
    for (const leftover of all.filter((segment) => segment < below))
      await this.zk.removeTree(this.layout.segment(leftover));
    for (const segment of segments) {
      const events = await this.reader.wholeSegment(segment);
      await this.archiveStore.write(segment, events);
      await this.zk.setData(this.layout.archive, Buffer.from(JSON.stringify({ below: segment + 1 })));
      await this.reader.refreshArchived();
      this.reader.forget(segment);
      await this.zk.removeTree(this.layout.segment(segment));
      done.push(segment);
    }
    return done;
  }

  /** Segments in ZooKeeper, not archived, whose every position is written, oldest first. */
  private async sealedSegments(): Promise<{ segments: number[]; all: number[] }> {
    const [{ position }, below, children] = await Promise.all([
      this.reader.head(),
      this.reader.refreshArchived(),
      this.zk.getChildren(this.layout.log),
    ]);
    const all = children
      .map(parseSegmentName)
      .filter((segment): segment is number => segment !== undefined)
      .sort((a, b) => a - b);
    const sealed = all.filter((segment) => segment >= below && this.layout.segmentEnd(segment) <= position);
    return { segments: sealed, all };
  }

  private async removeAll(paths: string[]): Promise<void> {
    for (let i = 0; i < paths.length; i += REMOVALS_AT_ONCE) {
      await Promise.all(paths.slice(i, i + REMOVALS_AT_ONCE).map((path) => this.zk.removeIfPresent(path)));
    }
  }
}

export interface Chunk {
  first: number;
  last: number;
  data: Buffer;
}

/** Cuts events into deflated chunks just under CHUNK_BYTES, learning the compression ratio as it goes. */
export function packChunks(events: readonly StoredEvent[], limit = CHUNK_BYTES): Chunk[] {
  const chunks: Chunk[] = [];
  let perChunk = 1000;
  for (let start = 0; start < events.length;) {
    const slice = events.slice(start, start + perChunk);
    const data = deflateRawSync(Buffer.from(JSON.stringify(slice)), { level: 6 });
    const fit = Math.floor((slice.length * limit * 0.9) / data.length);
    if (data.length > limit && slice.length > 1) {
      perChunk = Math.max(1, Math.min(fit, slice.length - 1));
      continue;
    }
    chunks.push({ first: slice[0].position, last: slice[slice.length - 1].position, data });
    start += slice.length;
    if (data.length < limit * 0.7) perChunk = Math.max(perChunk, fit);
  }
  return chunks;
}
