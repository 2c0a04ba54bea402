/** Where everything lives under the store's root. Names sort as numbers because numbers are zero-padded. */
export class ZkLayout {
  readonly log: string;
  readonly logHead: string;
  readonly streams: string;
  readonly snapshots: string;
  readonly checkpoints: string;
  readonly archive: string;

  constructor(
    readonly root: string,
    readonly segmentSize: number,
  ) {
    this.log = `${root}/log`;
    this.logHead = `${root}/log/head`;
    this.streams = `${root}/streams`;
    this.snapshots = `${root}/snapshots`;
    this.checkpoints = `${root}/checkpoints`;
    this.archive = `${root}/archive`;
  }

  segmentOf(position: number): number {
    return Math.floor(position / this.segmentSize);
  }

  /** First position of a segment (segment 0 starts at 1: positions are 1-based). */
  segmentStart(segment: number): number {
    return Math.max(1, segment * this.segmentSize);
  }

  segmentEnd(segment: number): number {
    return (segment + 1) * this.segmentSize - 1;
  }

  segment(segment: number): string {
    return `${this.log}/seg-${pad(segment)}`;
  }

  /**
   * An entry holds the events at positions first..last, all in one segment. The tag is unique per write, so a
   * writer can tell its own entry from another writer's entry over the same positions.
   */
  entry(first: number, last: number, tag: string): string {
    return `${this.segment(this.segmentOf(first))}/e-${pad(first)}-${pad(last)}-${tag}`;
  }

  /** A chunk is the compacted form of many entries of a sealed segment. */
  chunk(first: number, last: number): string {
    return `${this.segment(this.segmentOf(first))}/c-${pad(first)}-${pad(last)}`;
  }

  stream(stream: string): string {
    return `${this.streams}/${stream}`;
  }

  streamPage(stream: string, page: number): string {
    return `${this.streams}/${stream}/p-${pad(page)}`;
  }
}

export interface SegmentItem {
  kind: 'e' | 'c';
  name: string;
  first: number;
  last: number;
}

/** Reads back `e-<first>-<last>` / `c-<first>-<last>`; undefined for anything else. */
export function parseItem(name: string): SegmentItem | undefined {
  const match = /^([ec])-(\d+)-(\d+)(-[a-z0-9]+)?$/.exec(name);
  if (!match) return undefined;
  return { kind: match[1] as 'e' | 'c', name, first: Number(match[2]), last: Number(match[3]) };
}

export function pad(n: number): string {
  return String(n).padStart(12, '0');
}

export function parseSegmentName(name: string): number | undefined {
  const match = /^seg-(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
