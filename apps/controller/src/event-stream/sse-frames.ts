import { FeedEntry } from '../events-feed/drove-event-feed';
import { eventIdOf } from './stream-cursor';

// Server-Sent Events framing (WHATWG HTML, "server-sent events"): fields end with LF, a blank line ends a message,
// a line starting with ':' is a comment every client ignores. JSON.stringify never emits a raw newline.

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  // nginx buffers proxied responses unless told not to; events would arrive in bursts
  'x-accel-buffering': 'no',
} as const;

export const openingFrame = (retryMs: number): string => `retry: ${retryMs}\n: stream open\n\n`;

export const eventFrame = (entry: FeedEntry): string =>
  `id: ${eventIdOf(entry)}\ndata: ${JSON.stringify(entry.event)}\n\n`;

export const HEARTBEAT_FRAME = ': heartbeat\n\n';
