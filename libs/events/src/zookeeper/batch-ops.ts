import type { StoredEvent } from '../core/event-store.port';
import { encodeHead, HEAD_INDEX_SIZE, withRange, withRecent, type StreamHeadData } from './stream-head';
import type { ZkOp } from './zk-client';
import type { ZkLayout } from './zk-layout';

/** What a writer knows of a stream head, including the effect of its batches in flight. */
export interface HeadState {
  exists: boolean;
  zver: number;
  data: StreamHeadData;
  inFlight: number;
}

/** The ops moving a stream head past `events`, the head after them, and the bytes they add to the multi. */
export function headMoveOps(
  layout: ZkLayout,
  stream: string,
  head: HeadState,
  events: StoredEvent[],
): { ops: ZkOp[]; head: Pick<HeadState, 'exists' | 'zver' | 'data'>; bytes: number } {
  const ops: ZkOp[] = [];
  const first = events[0];
  let index = withRange(head.data.index, [first.streamVersion, first.position, events.length]);
  let pages = head.data.pages;
  let bytes = 0;
  if (index.length > HEAD_INDEX_SIZE) {
    const page = Buffer.from(JSON.stringify(index.slice(0, -1)));
    ops.push({ kind: 'create', path: layout.streamPage(stream, pages), data: page });
    bytes += page.length;
    index = index.slice(-1);
    pages += 1;
  }
  const data: StreamHeadData = {
    version: events[events.length - 1].streamVersion,
    recent: withRecent(head.data.recent, [
      first.position,
      events[events.length - 1].streamVersion,
      events.map((event) => event.id),
    ]),
    index,
    pages,
  };
  const encoded = encodeHead(data);
  const path = layout.stream(stream);
  // A new head is created and set in the same multi, so its znode version is never 0 (see Zk.multi).
  if (!head.exists) ops.push({ kind: 'create', path, data: encoded });
  ops.push({ kind: 'set', path, data: encoded, version: head.exists ? head.zver : -1 });
  bytes += encoded.length * (head.exists ? 1 : 2);
  return { ops, head: { exists: true, zver: head.exists ? head.zver + 1 : 1, data }, bytes };
}

/** Entry creates for events in log order: entries never straddle a segment; a segment's first entry creates it. */
export function entryOps(layout: ZkLayout, events: StoredEvent[], tag: () => string): ZkOp[] {
  const ops: ZkOp[] = [];
  let start = 0;
  while (start < events.length) {
    const segment = layout.segmentOf(events[start].position);
    let end = start;
    while (end + 1 < events.length && layout.segmentOf(events[end + 1].position) === segment) end += 1;
    const first = events[start].position;
    if (first === layout.segmentStart(segment) && segment > 0) {
      ops.push({ kind: 'create', path: layout.segment(segment), data: Buffer.alloc(0) });
    }
    const data = Buffer.from(JSON.stringify(events.slice(start, end + 1)));
    ops.push({ kind: 'create', path: layout.entry(first, events[end].position, tag()), data });
    start = end + 1;
  }
  return ops;
}
