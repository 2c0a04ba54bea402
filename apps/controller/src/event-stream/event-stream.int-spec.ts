import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { defaultAuthSettings } from '../auth/auth-settings';
import { UserConfig } from '../config/controller-config';
import { EventsFeedService } from '../events-feed/events-feed.service';
import { SseConnection } from '../testing/sse-connection';
import { startTestController, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { EventStreamConfig } from './event-stream.config';

// Real HTTP on loopback (an SSE response never ends, which Fastify's inject cannot serve), in-memory log.
const NOW = 1_700_000_000_000;
const STREAM = '/apis/v2/events/stream';
const BASIC_READER = { authorization: `Basic ${Buffer.from('r:pw').toString('base64')}` };

async function listening(ctl: TestController): Promise<string> {
  await ctl.app.listen(0, '127.0.0.1');
  const { port } = ctl.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${port}${STREAM}`;
}

async function toggleMaintenance(ctl: TestController, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    ctl.clock.at += 1000;
    const path = i % 2 === 0 ? 'set' : 'unset';
    expect((await ctl.post(`/apis/v1/cluster/maintenance/${path}`)).code).toBe(200);
  }
  const head = await ctl.store.headPosition();
  await waitUntil('the feed has the log', () => ctl.app.get(EventsFeedService).feed.position === head);
}

const opened = (c: SseConnection) => c.parsed.comments.includes('stream open');
const types = (c: SseConnection) => c.messages.map((m) => m.data.type);

describe('GET /apis/v2/events/stream over HTTP', () => {
  let ctl: TestController;
  let url: string;
  const connections: SseConnection[] = [];
  const connect = async (query: string, headers: Record<string, string> = {}) => {
    const connection = await SseConnection.open(`${url}${query}`, headers);
    connections.push(connection);
    if (connection.status === 200) await connection.until('the stream to open', opened);
    return connection;
  };

  beforeEach(async () => {
    const config = Object.assign(new EventStreamConfig(), { retryMs: 250, heartbeatIntervalMs: 300 });
    ctl = await startTestController(NOW, undefined, undefined, false, undefined, config);
    url = await listening(ctl);
    const created = await ctl.post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec: minimalApplicationSpecJson(),
      instances: 2,
      opSpec: opSpecJson(),
    });
    expect(created.code).toBe(200);
    await toggleMaintenance(ctl, 2);
  });
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
    await ctl.app.close();
  });

  it('streams the log as Drove events from after=, then live, with the log position as id', async () => {
    const stream = await connect('?after=0');
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
    await toggleMaintenance(ctl, 1);
    await stream.until('4 events', (c) => c.messages.length === 4);
    const logged = (await ctl.store.readAll(1, 100)).filter((e) => e.type !== 'ApplicationCreated');
    expect(stream.messages.map((m) => m.id)).toEqual(logged.map((e) => String(e.position)));
    expect(stream.messages.map((m) => m.data)).toEqual([
      expect.objectContaining({ type: 'APP_STATE_CHANGE', id: logged[0].id, time: NOW }),
      {
        type: 'MAINTENANCE_MODE_SET',
        id: logged[1].id,
        time: NOW + 1000,
        metadata: { HOSTNAME: 'ctl-test' },
      },
      expect.objectContaining({ type: 'MAINTENANCE_MODE_REMOVED', time: NOW + 2000 }),
      expect.objectContaining({ type: 'MAINTENANCE_MODE_SET', time: NOW + 3000 }),
    ]);
    expect(stream.parsed.retry).toBe(250);
  });

  it('starts from now without an id; Last-Event-ID wins over after=; heartbeats while idle', async () => {
    const fromNow = await connect('');
    const resumed = await connect('?after=0', { 'last-event-id': '3' });
    await toggleMaintenance(ctl, 1);
    await fromNow.until('the new event', (c) => c.messages.length === 1);
    await resumed.until('the missed and the new event', (c) => c.messages.length === 2);
    expect(types(fromNow)).toEqual(['MAINTENANCE_MODE_SET']);
    expect(types(resumed)).toEqual(['MAINTENANCE_MODE_REMOVED', 'MAINTENANCE_MODE_SET']);
    await fromNow.until('a heartbeat', (c) => c.parsed.comments.includes('heartbeat'));
  });

  it.each([
    ['types=MAINTENANCE_MODE_REMOVED', ['MAINTENANCE_MODE_REMOVED']],
    ['types=APP_STATE_CHANGE,MAINTENANCE_MODE_SET', ['APP_STATE_CHANGE', 'MAINTENANCE_MODE_SET']],
    [
      'types=APP_STATE_CHANGE&types=MAINTENANCE_MODE_REMOVED',
      ['APP_STATE_CHANGE', 'MAINTENANCE_MODE_REMOVED'],
    ],
    ['app=mini-1', ['APP_STATE_CHANGE']],
    ['app=mini', ['APP_STATE_CHANGE']],
    ['app=other', []],
    ['app=mini-1&types=MAINTENANCE_MODE_SET', []],
  ])('filters with %s', async (query, expected) => {
    const filtered = await connect(`?after=0&${query}`);
    const everything = await connect('?after=0');
    await everything.until('the whole log', (c) => c.messages.length === 3);
    // both read the same feed in the same turns: once the unfiltered one has it all, so has the filtered one
    await new Promise((r) => setTimeout(r, 100));
    expect(types(filtered)).toEqual(expected);
  });

  it.each([
    ['?types=NO_SUCH_TYPE', {}],
    ['?after=abc', {}],
    ['', { 'last-event-id': '-1' }],
  ])('%s %j is 400 Command validation failure', async (query, headers) => {
    const res = await ctl.get(`${STREAM}${query}`, headers);
    expect(res.code).toBe(400);
    expect(res.body).toMatchObject({ status: 'FAILED', message: 'Command validation failure' });
  });

  it('answers HEAD with the headers of the stream and ends', async () => {
    const res = await ctl.app.inject({ method: 'HEAD', url: STREAM });
    expect([res.statusCode, res.headers['content-type'], res.body]).toEqual([
      200,
      'text/event-stream; charset=utf-8',
      '',
    ]);
  });

  it('is a READ route: a reader may stream, a stranger may not', async () => {
    await ctl.app.close();
    const auth = defaultAuthSettings();
    const reader = Object.assign(new UserConfig(), {
      username: 'r',
      password: 'pw',
      role: 'EXTERNAL_READ_ONLY',
    });
    Object.assign(auth.userAuth, { enabled: true, encoding: 'PLAIN', users: [reader] });
    ctl = await startTestController(NOW, auth, undefined, false);
    url = await listening(ctl);
    expect((await connect('')).status).toBe(401);
    expect((await connect('', BASIC_READER)).status).toBe(200);
  });
});
