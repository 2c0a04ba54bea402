import { inflateRawSync } from 'node:zlib';
import type { StoredEvent } from '../core/event-store.port';
import { GENESIS_HASH, sealEvents } from '../core/hash-chain';
import { packChunks } from './compactor';

function log(count: number): StoredEvent[] {
  const events = Array.from({ length: count }, (_, i) => ({
    id: `e-${i}`,
    type: 'Happened',
    data: { i, text: `event number ${i} ${(i * 7919) % 1000}` },
  }));
  return sealEvents(events, { stream: 's', streamVersion: 0, position: 0, prevHash: GENESIS_HASH, now: 1 });
}

describe('packChunks', () => {
  it.each([
    [1, 64 * 1024],
    [5000, 64 * 1024],
    [20_000, 128 * 1024],
  ])('packs %d events into chunks under %d bytes, in order and unchanged', (count, limit) => {
    const events = log(count);
    const chunks = packChunks(events, limit);
    expect(chunks.every((chunk) => chunk.data.length <= limit)).toBe(true);
    const unpacked = chunks.flatMap(
      (chunk) => JSON.parse(inflateRawSync(chunk.data).toString('utf8')) as StoredEvent[],
    );
    expect(unpacked).toEqual(events);
    expect(chunks.slice(1).every((chunk, i) => chunk.first === chunks[i].last + 1)).toBe(true);
    expect(chunks[0].first).toBe(1);
    expect(chunks[chunks.length - 1].last).toBe(count);
  });
});
