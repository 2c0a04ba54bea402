import { GENESIS_HASH } from '../core/hash-chain';

/**
 * The log head znode: the last position written and its hash (appends move it by its znode version), and the
 * latest entries (`seg-<n>/e-...`, oldest first, contiguous up to the head), so a reader following the log
 * fetches new entries directly instead of listing a segment of thousands of children.
 */
export interface LogHead {
  position: number;
  hash: string;
  recent: string[];
}

/** Entries named in the log head. */
export const RECENT_ENTRIES = 16;

export function encodeLogHead(head: LogHead): Buffer {
  return Buffer.from(JSON.stringify(head));
}

export function decodeLogHead(data: Buffer): LogHead {
  if (data.length === 0) return { position: 0, hash: GENESIS_HASH, recent: [] };
  const head = JSON.parse(data.toString('utf8')) as Partial<LogHead>;
  return { position: head.position ?? 0, hash: head.hash ?? GENESIS_HASH, recent: head.recent ?? [] };
}
