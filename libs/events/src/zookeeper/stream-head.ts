/** [first stream version, first position, count] of one append. */
export type IndexRange = [number, number, number];

/**
 * The data of a stream head znode. Its znode version is what appends check (optimistic concurrency); the
 * stream version is kept in the data because one append moves it by many events.
 */
export interface StreamHeadData {
  version: number;
  /** Ids and first position of the last append, to recognise a retry of it. */
  lastIds: string[];
  lastFirst: number;
  /** Where the stream's recent appends are; older ranges move to page znodes. */
  index: IndexRange[];
  pages: number;
}

/** Ranges kept in the head before they move to a page: bounds the bytes each append rewrites. */
export const HEAD_INDEX_SIZE = 32;

export const EMPTY_HEAD: StreamHeadData = { version: 0, lastIds: [], lastFirst: 0, index: [], pages: 0 };

export function encodeHead(head: StreamHeadData): Buffer {
  return Buffer.from(JSON.stringify(head));
}

export function decodeHead(data: Buffer): StreamHeadData {
  return data.length === 0 ? EMPTY_HEAD : (JSON.parse(data.toString('utf8')) as StreamHeadData);
}

/** Merges an append into the index, extending the last range when the positions run on. */
export function withRange(index: readonly IndexRange[], range: IndexRange): IndexRange[] {
  const last = index[index.length - 1];
  if (last && last[0] + last[2] === range[0] && last[1] + last[2] === range[1]) {
    return [...index.slice(0, -1), [last[0], last[1], last[2] + range[2]]];
  }
  return [...index, range];
}

/** The position ranges holding versions >= fromVersion. */
export function positionsFrom(index: readonly IndexRange[], fromVersion: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [firstVersion, firstPosition, count] of index) {
    const skip = Math.max(0, fromVersion - firstVersion);
    if (skip < count) out.push([firstPosition + skip, firstPosition + count - 1]);
  }
  return out;
}
