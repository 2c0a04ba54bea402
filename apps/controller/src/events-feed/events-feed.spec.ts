import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { EventsFeedService } from './events-feed.service';
import { waitUntil } from '../testing/wait-until';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;

describe('GET /apis/v1/cluster/events*', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(NOW, undefined, undefined, false);
    const created = await ctl.post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec: minimalApplicationSpecJson(),
      instances: 2,
      opSpec: opSpecJson(),
    });
    expect(created.code).toBe(200);
    ctl.clock.at += 1000;
    expect((await ctl.post('/apis/v1/cluster/maintenance/set')).code).toBe(200);
    ctl.clock.at += 1000;
    expect((await ctl.post('/apis/v1/cluster/maintenance/unset')).code).toBe(200);
    // the feed follows the log asynchronously
    const head = await ctl.store.headPosition();
    await waitUntil('the feed has the log', () => ctl.app.get(EventsFeedService).feed.position === head);
  });
  afterEach(() => ctl.app.close());

  it('latest: the log as Drove events, newest first, with the time to pass back', async () => {
    expect(await ctl.get('/apis/v1/cluster/events/latest?lastSyncTime=0&size=10')).toEqual({
      code: 200,
      body: {
        status: 'SUCCESS',
        data: {
          events: [
            expect.objectContaining({ type: 'MAINTENANCE_MODE_REMOVED', time: NOW + 2000 }),
            expect.objectContaining({ type: 'MAINTENANCE_MODE_SET', time: NOW + 1000 }),
            expect.objectContaining({
              type: 'APP_STATE_CHANGE',
              time: NOW,
              metadata: expect.objectContaining({ APP_ID: 'mini-1', CURRENT_STATE: 'SCALING_REQUESTED' }),
            }),
          ],
          lastSyncTime: NOW + 2000,
        },
        message: 'success',
      },
    });
  });

  it('pages oldest first after a cursor: polling with size 1 walks the whole log without skipping', async () => {
    const first = (await ctl.get(`/apis/v1/cluster/events/latest?size=1&lastSyncTime=${NOW - 1}`)).body.data;
    expect(first).toEqual({
      events: [expect.objectContaining({ type: 'APP_STATE_CHANGE' })],
      lastSyncTime: NOW,
    });
    const second = (await ctl.get(`/apis/v1/cluster/events/latest?size=1&lastSyncTime=${NOW}`)).body.data;
    expect(second).toMatchObject({ events: [{ type: 'MAINTENANCE_MODE_SET' }], lastSyncTime: NOW + 1000 });
  });

  it('without lastSyncTime, as the drove CLI first asks, answers the newest events', async () => {
    const newest = (await ctl.get('/apis/v1/cluster/events?size=1')).body.data;
    expect(newest).toEqual([expect.objectContaining({ type: 'MAINTENANCE_MODE_REMOVED', time: NOW + 2000 })]);
  });

  it('summary counts per type after lastSyncTime; the deprecated route is the bare list', async () => {
    expect((await ctl.get('/apis/v1/cluster/events/summary?lastSyncTime=0')).body).toEqual({
      status: 'SUCCESS',
      data: {
        eventsCount: { APP_STATE_CHANGE: 1, MAINTENANCE_MODE_SET: 1, MAINTENANCE_MODE_REMOVED: 1 },
        lastSyncTime: NOW + 2000,
      },
      message: 'success',
    });
    const bare = (await ctl.get(`/apis/v1/cluster/events?lastSyncTime=${NOW}`)).body.data;
    expect(bare).toEqual([
      expect.objectContaining({ type: 'MAINTENANCE_MODE_REMOVED' }),
      expect.objectContaining({ type: 'MAINTENANCE_MODE_SET' }),
    ]);
  });

  it.each(['size=-1', 'size=2147483648', 'lastSyncTime=-5', 'lastSyncTime=abc'])(
    '%s is 400 Command validation failure',
    async (query) => {
      const res = await ctl.get(`/apis/v1/cluster/events/latest?${query}`);
      expect(res.code).toBe(400);
      expect(res.body).toMatchObject({ status: 'FAILED', message: 'Command validation failure' });
    },
  );
});
