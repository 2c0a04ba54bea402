import { ANY, MemoryEventStore, NewEvent } from '@drove/events';
import { ReopeningEventStore } from './reopening-event-store';

/** A store whose session a test can expire. */
class ExpiringStore extends MemoryEventStore {
  closed = false;

  expire(): void {
    this.notifySessionExpired();
  }

  override async close(): Promise<void> {
    this.closed = true;
    await super.close();
  }
}

let ids = 0;
const event = (): NewEvent => ({ id: `e-${ids++}`, type: 'Probe', data: {} });

describe('ReopeningEventStore', () => {
  it('opens a new store when the session of the one in use expires; calls meanwhile wait for it', async () => {
    const opened: ExpiringStore[] = [];
    let failures = 1;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const errors: unknown[] = [];
    const store = await ReopeningEventStore.open({
      open: async () => {
        if (opened.length > 0) {
          await gate;
          if (failures-- > 0) throw new Error('ZooKeeper unreachable');
        }
        const next = new ExpiringStore();
        opened.push(next);
        return next;
      },
      retryDelayMs: 1,
      onError: (error) => errors.push(error),
    });
    let expiries = 0;
    store.onSessionExpired(() => expiries++);

    await store.append('s', ANY, [event()]);
    opened[0].expire();
    expect(expiries).toBe(1);
    expect(opened[0].closed).toBe(true);
    const waiting = store.append('s', ANY, [event()]);
    release();
    await waiting;

    expect(errors).toEqual([new Error('ZooKeeper unreachable')]);
    expect(opened).toHaveLength(2);
    expect(await opened[0].headPosition()).toBe(1);
    expect(await opened[1].headPosition()).toBe(1);

    await store.close();
    expect(opened[1].closed).toBe(true);
    opened[1].expire();
    expect(opened).toHaveLength(2);
  });

  it('stops reopening when closed while ZooKeeper stays unreachable', async () => {
    let attempts = 0;
    const first = new ExpiringStore();
    const store = await ReopeningEventStore.open({
      open: async () => {
        if (attempts++ === 0) return first;
        throw new Error('ZooKeeper unreachable');
      },
      retryDelayMs: 1,
    });
    first.expire();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.close();
    const tried = attempts;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(attempts).toBe(tried);
    await expect(store.headPosition()).rejects.toThrow('event store closed while opening a new session');
  });
});
