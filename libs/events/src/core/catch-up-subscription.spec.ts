import { MemoryEventStore } from '../memory/memory-event-store';
import { newEvent, range, waitFor } from '../test/event-store.contract';
import { CatchUpSubscription, type SubscriptionSource } from './catch-up-subscription';
import type { StoredEvent } from './event-store.port';

/** A memory store whose reads fail now and then, recoverably or not. */
function flaky(store: MemoryEventStore, failures: unknown[], recoverable: boolean): SubscriptionSource {
  return {
    readAll: (from, limit) => {
      const failure = failures.shift();
      return failure === undefined ? store.readAll(from, limit) : Promise.reject(failure);
    },
    headPosition: () => store.headPosition(),
    waitForAppend: (after, signal) => store.waitForAppend(after, signal),
    saveCheckpoint: (name, position) => store.saveCheckpoint(name, position),
    loadCheckpoint: (name) => store.loadCheckpoint(name),
    recovered: async () => recoverable,
  };
}

describe('CatchUpSubscription', () => {
  it('reads on after failures the store recovers from, missing nothing', async () => {
    const store = new MemoryEventStore();
    for (let i = 0; i < 5; i += 1) await store.append('s', i, [newEvent()]);
    const seen: number[] = [];
    const source = flaky(store, [new Error('lost'), new Error('lost')], true);
    const subscription = new CatchUpSubscription(source, (e: StoredEvent) => void seen.push(e.position), {
      batchSize: 2,
    });
    await subscription.caughtUp;
    await store.append('s', 5, [newEvent()]);
    await waitFor(() => seen.length === 6);
    await subscription.stop();
    expect(seen).toEqual(range(1, 6));
  });

  it.each([
    ['a store failure it does not recover from', new Error('gone'), false, undefined],
    ['a handler failure', undefined, true, new Error('handler broke')],
  ])('ends on %s, and caughtUp rejects with it', async (_case, storeFailure, recoverable, handlerFailure) => {
    const store = new MemoryEventStore();
    await store.append('s', 0, [newEvent()]);
    const source = flaky(store, storeFailure ? [storeFailure] : [], recoverable);
    const subscription = new CatchUpSubscription(source, () => {
      if (handlerFailure) throw handlerFailure;
    });
    const expected = storeFailure ?? handlerFailure;
    await expect(subscription.caughtUp).rejects.toBe(expected);
    await expect(subscription.done).rejects.toBe(expected);
  });
});
