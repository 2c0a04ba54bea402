import { AppendOutcomeUnknownError } from '../../libs/events/src/core/append-outcome-unknown.error';
import type { EventStore, NewEvent } from '../../libs/events/src/core/event-store.port';

/**
 * Appends each stream's events in one call, `writers` streams at a time (the log's order across streams is
 * then the writers'); a lost connection is retried with the same ids, which the store takes as a retry.
 */
export async function writeByStream(
  store: EventStore,
  byStream: Map<string, NewEvent[]>,
  writers = 64,
): Promise<void> {
  const streams = [...byStream.entries()];
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < streams.length) {
        const [stream, events] = streams[next++];
        for (let attempt = 1; ; attempt++) {
          try {
            await store.append(stream, 'any', events);
            break;
          } catch (err) {
            if (!(err instanceof AppendOutcomeUnknownError) || attempt === 5) throw err;
          }
        }
      }
    }),
  );
}
