import { maskSpec } from '@drove/domain';
import { EventStore, StoredEvent } from '@drove/events';
import { AuditQuery } from './audit-query';

/** Positions read per store call. */
const READ_PAGE = 1000;
/**
 * Positions one request may read, matching or not: a filter that matches little on a long log must not hold a
 * request (and the store) for minutes. The answer's `next` lets the client go on from where the scan stopped.
 */
export const SCAN_BUDGET = 50_000;

export interface AuditPage {
  events: StoredEvent[];
  /** Pass as `after` for the next page: the last position examined (not only the last one returned). */
  next: number;
  /** The log's last position when the scan ended; `next >= head` means the log is exhausted for now. */
  head: number;
}

const matches = (q: AuditQuery, e: StoredEvent): boolean =>
  (q.from === undefined || e.time >= q.from) &&
  (q.to === undefined || e.time <= q.to) &&
  (q.stream === undefined || e.stream === q.stream) &&
  (q.type === undefined || e.type === q.type) &&
  (q.actor === undefined || e.actor === q.actor);

/** Secrets in specs (inline config, fetch credentials) never leave through the audit API either. */
const masked = (e: StoredEvent): StoredEvent => ({ ...e, data: maskSpec(e.data) });

/**
 * Scans the log in position order from `after` and returns up to `limit` events passing every filter. Times are
 * filtered, not searched: the log is ordered by position and clocks of successive leaders may differ.
 */
export async function readAuditPage(
  store: EventStore,
  query: AuditQuery,
  budget = SCAN_BUDGET,
): Promise<AuditPage> {
  const head = await store.headPosition();
  const events: StoredEvent[] = [];
  let next = Math.min(query.after, head);
  const stopAt = Math.min(head, next + budget);
  while (next < stopAt && events.length < query.limit) {
    const page = await store.readAll(next + 1, Math.min(READ_PAGE, stopAt - next));
    if (page.length === 0) break;
    for (const event of page) {
      next = event.position;
      if (matches(query, event)) events.push(masked(event));
      if (events.length === query.limit) break;
    }
  }
  return { events, next, head };
}
