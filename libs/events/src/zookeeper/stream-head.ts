/** [first stream version, first position, count] of one append. */
export type IndexRange = [number, number, number];

/**
 * The data of a stream head znode. Its znode version is what appends check (optimistic concurrency); the
 * stream version is kept in the data because one append moves it by many events.
 */
export interface StreamHeadData {
  version: number;
  /** The stream's latest appends, to recognise a retry of one of them. */
  recent: RecentAppend[];
  /** Where the stream's recent appends are; older ranges move to page znodes. */
  index: IndexRange[];
  pages: number;
}

/** Ranges kept in the head before they move to a page: bounds the bytes each append rewrites. */
export const HEAD_INDEX_SIZE = 32;

export const EMPTY_HEAD: StreamHeadData = { version: 0, recent: [], index: [], pages: 0 };

/** [first position, stream version after it, event ids] of one append. */
export type RecentAppend = [number, number, string[]];

/** Ids kept in `recent` beyond the last append: bounds the bytes each append rewrites. */
export const RECENT_IDS = 32;

/** The append added to `recent`, older ones dropped once RECENT_IDS ids are kept. */
export function withRecent(recent: readonly RecentAppend[], append: RecentAppend): RecentAppend[] {
  const kept: RecentAppend[] = [append];
  let ids = append[2].length;
  for (let i = recent.length - 1; i >= 0 && ids + recent[i][2].length <= RECENT_IDS; i -= 1) {
    kept.unshift(recent[i]);
    ids += recent[i][2].length;
  }
  return kept;
}

/** The earlier append these ids repeat, if it is among the recent ones. */
export function findRecent(
  recent: readonly RecentAppend[],
  ids: readonly string[],
): RecentAppend | undefined {
  return recent.find(
    ([, , stored]) => stored.length === ids.length && stored.every((id, i) => id === ids[i]),
  );
}

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
