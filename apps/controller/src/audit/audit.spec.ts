import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ANY, StoredEvent } from '@drove/events';
import { clusterAt } from './cluster-history';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;
const OPERATIONS = '/apis/v1/applications/operations';

const create = (name: string) => ({
  type: 'CREATE',
  spec: { ...minimalApplicationSpecJson(), name },
  instances: 0,
  opSpec: opSpecJson(),
});

/** 30 events on 3 streams by 2 actors, one per second from NOW. */
async function fillLog(ctl: TestController): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await ctl.store.append(`s-${i % 3}`, ANY, [
      {
        id: `e-${i}`,
        type: i % 2 === 0 ? 'Even' : 'Odd',
        data: { i },
        actor: i < 15 ? 'alice' : 'bob',
        time: NOW + i * 1000,
      },
    ]);
  }
}

type Page = { events: StoredEvent[]; next: number; head: number };

describe('audit API on an in-memory log', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(NOW, undefined, undefined, false);
  });

  afterEach(() => ctl.app.close());

  const page = async (query: string): Promise<Page> => {
    const res = await ctl.get(`/apis/v2/audit/events?${query}`);
    expect(res.code).toBe(200);
    return res.body.data as Page;
  };
  const positions = (p: Page) => p.events.map((e) => e.position);

  it.each([
    [
      '',
      [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
        29, 30,
      ],
    ],
    ['stream=s-1', [2, 5, 8, 11, 14, 17, 20, 23, 26, 29]],
    ['type=Odd&actor=alice', [2, 4, 6, 8, 10, 12, 14]],
    [`from=${NOW + 10_000}&to=${NOW + 12_000}`, [11, 12, 13]],
    ['actor=bob&stream=s-0&type=Even', [19, 25]],
    ['actor=nobody', []],
    ['after=27', [28, 29, 30]],
  ])('filters %p', async (query, expected) => {
    await fillLog(ctl);
    expect(positions(await page(query))).toEqual(expected);
  });

  it('pages with the cursor until the log is exhausted, each event once', async () => {
    await fillLog(ctl);
    const seen: number[] = [];
    let after = 0;
    for (let calls = 0; calls < 10; calls++) {
      const p = await page(`actor=bob&limit=4&after=${after}`);
      seen.push(...positions(p));
      after = p.next;
      if (p.next >= p.head) break;
    }
    expect(seen).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });

  it('masks spec secrets in event data', async () => {
    const spec = {
      ...minimalApplicationSpecJson(),
      configs: [{ type: 'INLINE', localFilename: '/etc/app.conf', data: 'c2VjcmV0' }],
    };
    expect((await ctl.post(OPERATIONS, { ...create('mini'), spec })).code).toBe(200);
    const [created] = (await page('type=ApplicationCreated')).events;
    expect(JSON.stringify(created.data)).not.toContain('c2VjcmV0');
    expect(created.actor).toBe('default-user');
  });

  it.each([
    ['limit=0', "limit must be an integer between 1 and 1000, got '0'"],
    ['limit=1001', "limit must be an integer between 1 and 1000, got '1001'"],
    ['from=yesterday', "from must be an integer between 0 and 9007199254740991, got 'yesterday'"],
    ['after=-1', "after must be an integer between 0 and 9007199254740991, got '-1'"],
    ['from=5&to=4', 'from (5) must not be after to (4)'],
    ['actor=a&actor=b', 'actor must be given at most once'],
  ])('refuses %p with 400', async (query, problem) => {
    expect(await ctl.get(`/apis/v2/audit/events?${query}`)).toEqual({
      code: 400,
      body: {
        status: 'FAILED',
        data: { validationErrors: [problem] },
        message: 'Command validation failure',
      },
    });
  });

  it('verifies the hash chain and names the first tampered position', async () => {
    await fillLog(ctl);
    expect((await ctl.get('/apis/v2/audit/verify')).body.data).toEqual({
      ok: true,
      checked: 30,
      from: 1,
      to: 30,
    });
    ctl.store.tamper(12, (e) => ({ ...e, actor: 'mallory' }));
    const broken = (await ctl.get('/apis/v2/audit/verify')).body.data as Record<string, unknown>;
    expect(broken).toMatchObject({ ok: false, brokenAt: 12, from: 1, to: 30 });
    expect((await ctl.get('/apis/v2/audit/verify?from=13&to=99')).body.data).toMatchObject({
      ok: true,
      to: 30,
    });
    expect((await ctl.get('/apis/v2/audit/verify?from=9&to=3')).code).toBe(400);
  });

  it('rebuilds the cluster as it was at a past moment', async () => {
    expect((await ctl.post(OPERATIONS, create('one'))).code).toBe(200);
    ctl.clock.at = NOW + 1000;
    await ctl.store.append('executor-ex-1', ANY, [
      {
        id: 'x-1',
        type: 'ExecutorAdded',
        data: {
          executorId: 'ex-1',
          hostname: 'h1',
          port: 3000,
          transportType: 'HTTP',
          tags: [],
          state: 'ACTIVE',
          at: NOW + 1000,
        },
      },
    ]);
    ctl.clock.at = NOW + 2000;
    expect((await ctl.post(OPERATIONS, create('two'))).code).toBe(200);
    ctl.clock.at = NOW + 3000;
    expect((await ctl.post('/apis/v1/cluster/maintenance/set')).code).toBe(200);
    const at = async (t: number) => {
      const res = await ctl.get(`/apis/v2/history/cluster?at=${t}`);
      expect(res.code).toBe(200);
      const data = res.body.data as {
        applications: { id: string }[];
        executors: unknown[];
        maintenance: boolean;
      };
      return [data.applications.map((a) => a.id), data.executors.length, data.maintenance];
    };
    expect(await at(NOW - 1)).toEqual([[], 0, false]);
    expect(await at(NOW)).toEqual([['one-1'], 0, false]);
    expect(await at(NOW + 1500)).toEqual([['one-1'], 1, false]);
    expect(await at(NOW + 2999)).toEqual([['one-1', 'two-1'], 1, false]);
    expect(await at(NOW + 3000)).toEqual([['one-1', 'two-1'], 1, true]);
    // the same answers from snapshots taken every 2 positions (apps and cluster state restored from JSON)
    for (const t of [NOW, NOW + 1500, NOW + 2999, NOW + 3000]) {
      const { data } = (await ctl.get(`/apis/v2/history/cluster?at=${t}`)).body;
      expect(await clusterAt(ctl.store, t, 2)).toEqual(data);
      expect(await clusterAt(ctl.store, t, 2)).toEqual(data);
    }
    expect((await ctl.get('/apis/v2/history/cluster')).body).toMatchObject({
      data: { validationErrors: ['at (epoch ms) is required'] },
    });
  });
});
