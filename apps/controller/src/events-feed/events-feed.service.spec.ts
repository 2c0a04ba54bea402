import { MemoryEventStore } from '@drove/events';
import { EventsFeedService } from './events-feed.service';

describe('EventsFeedService startup', () => {
  it('does not hold up startup for its catch-up; ready resolves with the whole log applied', async () => {
    const store = new MemoryEventStore();
    await store.append('cluster', 'any', [
      { id: 'e1', type: 'ClusterMaintenanceSet', data: { at: 1 } },
      { id: 'e2', type: 'ClusterMaintenanceRemoved', data: { at: 2 } },
    ]);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const readAll = store.readAll.bind(store);
    jest.spyOn(store, 'readAll').mockImplementation(async (from, limit) => {
      await gate;
      return readAll(from, limit);
    });
    const service = new EventsFeedService(store);
    let ready = false;

    service.onApplicationBootstrap();
    void service.ready.then(() => (ready = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect({ ready, position: service.feed.position }).toEqual({ ready: false, position: 0 });

    open();
    await service.ready;
    expect(service.feed.position).toBe(2);
    await service.onModuleDestroy();
  });
});
