import { GENESIS_HASH } from '../core/hash-chain';

/** The log head znode: the last position written and its hash; appends move it by its znode version. */
export function encodeLogHead(position: number, hash: string): Buffer {
  return Buffer.from(JSON.stringify({ position, hash }));
}

export function decodeLogHead(data: Buffer): { position: number; hash: string } {
  if (data.length === 0) return { position: 0, hash: GENESIS_HASH };
  return JSON.parse(data.toString('utf8')) as { position: number; hash: string };
}
