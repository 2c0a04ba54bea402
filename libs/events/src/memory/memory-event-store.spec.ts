import { eventStoreContract } from '../test/event-store.contract';
import { MemoryEventStore } from './memory-event-store';

const asMemory = (store: unknown): MemoryEventStore => store as MemoryEventStore;

eventStoreContract('in-memory', {
  open: async (settings) => new MemoryEventStore(settings),
  peer: async (store) => store,
  createFence: async (store) => {
    const fence = `/leader/${Math.random()}`;
    asMemory(store).grantFence(fence);
    return fence;
  },
  dropFence: async (store, fence) => asMemory(store).revokeFence(fence),
  tamper: async (store, position, change) => asMemory(store).tamper(position, change),
  dispose: async () => undefined,
});
