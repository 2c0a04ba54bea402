import { DroveEventMapper } from '@drove/domain';
import { StoredEvent } from '@drove/events';
import { FeedEntry } from '../events-feed/drove-event-feed';

/**
 * The event feed as it was before it was bounded, as a reference: every stored event mapped by one mapper, every
 * Drove event kept as an object, feed times never going back.
 */
export class PlainFeedFold {
  private readonly mapper = new DroveEventMapper();
  readonly entries: FeedEntry[] = [];

  apply(stored: StoredEvent): void {
    const time = Math.max(stored.time, this.entries.at(-1)?.event.time ?? 0);
    const mapped = this.mapper.apply({ ...stored, time });
    mapped.forEach((event, index) =>
      this.entries.push({ position: stored.position, index, last: index === mapped.length - 1, event }),
    );
  }
}

export function plainFeedFold(events: Iterable<StoredEvent>): FeedEntry[] {
  const fold = new PlainFeedFold();
  for (const stored of events) fold.apply(stored);
  return fold.entries;
}
