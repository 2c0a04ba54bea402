import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { NewEvent, StoredEvent, VerifyResult } from './event-store.port';

/** prevHash of the first event in the log. */
export const GENESIS_HASH = '0'.repeat(64);

export function hashEvent(event: Omit<StoredEvent, 'hash'>): string {
  const { prevHash } = event;
  const body: Record<string, unknown> = { ...event };
  delete body.hash;
  return createHash('sha256')
    .update(prevHash + canonicalJson(body))
    .digest('hex');
}

export interface ChainStart {
  stream: string;
  /** Stream version before the first event. */
  streamVersion: number;
  /** Global position before the first event. */
  position: number;
  prevHash: string;
  now: number;
}

/** Gives the new events their place in the stream and the log, and links them into the hash chain. */
export function sealEvents(events: readonly NewEvent[], start: ChainStart): StoredEvent[] {
  let prevHash = start.prevHash;
  return events.map((event, i) => {
    const unhashed: Omit<StoredEvent, 'hash'> = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      stream: start.stream,
      streamVersion: start.streamVersion + i + 1,
      position: start.position + i + 1,
      time: event.time ?? start.now,
      actor: event.actor ?? 'system',
      correlationId: event.correlationId ?? null,
      causationId: event.causationId ?? null,
      data: event.data,
      prevHash,
    };
    const stored = { ...unhashed, hash: hashEvent(unhashed) };
    prevHash = stored.hash;
    return stored;
  });
}

/** Checks one page of the log against the hash and position that precede it. */
export class ChainChecker {
  private checked = 0;

  constructor(
    private prevHash: string,
    private nextPosition: number,
  ) {}

  check(events: readonly StoredEvent[]): VerifyResult | undefined {
    for (const event of events) {
      const broken = this.brokenReason(event);
      if (broken) return { ok: false, checked: this.checked, brokenAt: this.nextPosition, reason: broken };
      this.prevHash = event.hash;
      this.nextPosition += 1;
      this.checked += 1;
    }
    return undefined;
  }

  result(): VerifyResult {
    return { ok: true, checked: this.checked };
  }

  private brokenReason(event: StoredEvent): string | undefined {
    if (event.position !== this.nextPosition) return `found position ${event.position}`;
    if (event.prevHash !== this.prevHash) return 'prevHash does not match the previous event';
    if (hashEvent(event) !== event.hash) return 'hash does not match the content';
    return undefined;
  }
}
