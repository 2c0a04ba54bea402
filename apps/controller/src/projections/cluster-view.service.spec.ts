import { Logger } from '@nestjs/common';
import { applicationStream } from '@drove/domain';
import { minimalApplicationSpecJson } from '@drove/domain/testing/spec-fixtures';
import { MemoryEventStore, NO_STREAM, StoredEvent } from '@drove/events';
import { TestFence } from '../testing/test-fence';
import { ClusterViewProjection } from './cluster-view.projection';
import { ClusterViewService } from './cluster-view.service';

const created = (version: string) => ({
  id: `created-${version}`,
  type: 'ApplicationCreated',
  data: { appId: `mini-${version}`, spec: { ...minimalApplicationSpecJson(), version }, instances: 0, at: 1 },
});

Logger.overrideLogger(false);

describe('ClusterViewService', () => {
  let store: MemoryEventStore;
  let fence: TestFence;
  let service: ClusterViewService;

  beforeEach(async () => {
    store = new MemoryEventStore();
    fence = new TestFence();
    await store.append(applicationStream('mini-1'), NO_STREAM, [created('1')]);
    service = new ClusterViewService(store, fence);
    await service.onApplicationBootstrap();
  });

  afterEach(() => service.onModuleDestroy());

  it('starts from the whole log, then follows it live as a follower', async () => {
    expect(service.view.application('mini-1')?.state).toBe('INIT');
    const { positions } = await store.append(applicationStream('mini-2'), NO_STREAM, [created('2')]);
    expect(await service.reached(positions[0])).toBe(true);
    expect(service.view.applications().map((app) => app.appId)).toEqual(['mini-1', 'mini-2']);
  });

  it('rebuilds into a fresh view on becoming leader, serving the old one until caught up', async () => {
    const before = service.view;
    fence.lead('/drove/leader/c-1');
    const { positions } = await store.append(applicationStream('mini-2'), NO_STREAM, [created('2')]);
    expect(await service.reached(positions[0])).toBe(true);
    for (let tries = 0; service.view === before && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(service.view).not.toBe(before);
    expect(service.view.applications().map((app) => app.appId)).toEqual(['mini-1', 'mini-2']);
  });

  it('gives up waiting for a position the log does not reach', async () => {
    expect(await service.reached(99, 50)).toBe(false);
  });
});

describe('ClusterViewProjection', () => {
  it('applies each position once, as subscriptions deliver at least once', async () => {
    const store = new MemoryEventStore();
    await store.append(applicationStream('mini-1'), NO_STREAM, [created('1')]);
    const [event] = await store.readAll(1, 1);
    const view = new ClusterViewProjection();
    view.apply(event);
    view.apply({ ...event, data: { ...(event.data as object), instances: 9 } } as StoredEvent);
    expect(view.application('mini-1')?.instances).toBe(0);
    expect(view.position).toBe(1);
  });

  it('skips an event type it does not know instead of breaking the view', async () => {
    const store = new MemoryEventStore();
    await store.append(applicationStream('mini-1'), NO_STREAM, [created('1')]);
    await store.append(applicationStream('mini-1'), 1, [
      { id: 'x-1', type: 'ApplicationTeleported', data: {} },
    ]);
    const view = new ClusterViewProjection();
    for (const event of await store.readAll(1, 10)) view.apply(event);
    expect(view.application('mini-1')?.state).toBe('INIT');
    expect(view.position).toBe(2);
  });
});
