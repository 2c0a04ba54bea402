import { DroveEventMapper } from '@drove/domain';
import { StoredEvent } from '@drove/events';
import { FeedEntry } from '../events-feed/drove-event-feed';

/**
 * The event feed as it was before it was bounded, as a reference: every stored event mapped by one mapper, every
 * Drove event kept as an object, feed times never going back.
 */
export function plainFeedFold(events: Iterable<StoredEvent>): FeedEntry[] {
  const mapper = new DroveEventMapper();
  const entries: FeedEntry[] = [];
  for (const stored of events) {
    const time = Math.max(stored.time, entries.at(-1)?.event.time ?? 0);
    const mapped = mapper.apply({ ...stored, time });
    mapped.forEach((event, index) =>
      entries.push({ position: stored.position, index, last: index === mapped.length - 1, event }),
    );
  }
  return entries;
}
