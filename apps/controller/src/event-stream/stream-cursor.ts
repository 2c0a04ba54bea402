import { FeedEntry } from '../events-feed/drove-event-feed';

/**
 * Where a client is in the feed: after the Drove event `index` of log position `position`. `index` Infinity means
 * after every event of that position.
 */
export interface StreamCursor {
  position: number;
  index: number;
}

const EVENT_ID = /^(\d{1,15})(?:\.(\d{1,3}))?$/;

/**
 * The SSE `id` of an entry: its log position, so a client resumes by position. The rare non-last Drove event of a
 * position (LEADERSHIP_LOST before LEADERSHIP_ACQUIRED) is `<position>.<index>`, so resuming right after it
 * neither repeats it nor skips its sibling.
 */
export const eventIdOf = (entry: FeedEntry): string =>
  entry.last ? `${entry.position}` : `${entry.position}.${entry.index}`;

/** Reads a Last-Event-ID (or `after=`) back into a cursor; undefined when it is not one of ours. */
export function parseEventId(raw: string): StreamCursor | undefined {
  const match = EVENT_ID.exec(raw.trim());
  if (!match) return undefined;
  return { position: Number(match[1]), index: match[2] === undefined ? Infinity : Number(match[2]) };
}

export const isAfter = (entry: FeedEntry, cursor: StreamCursor): boolean =>
  entry.position > cursor.position || (entry.position === cursor.position && entry.index > cursor.index);
