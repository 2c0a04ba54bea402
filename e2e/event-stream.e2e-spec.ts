import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { SseConnection } from '../apps/controller/src/testing/sse-connection';
import { SseMessage } from '../apps/controller/src/testing/parse-sse';
import { soleLeader, startController } from './support/controllers';
import { stopApp, waitFor } from './support/processes';
import { removeNamespace } from './support/cluster';

const namespace = `drove-e2e-stream-${randomUUID()}`;
const ports = [5100, 5110];
const streamUrl = (port: number, query = '') => `http://127.0.0.1:${port}/apis/v2/events/stream${query}`;

/** Writes `times` maintenance events on `port`, alternating set and unset (the cluster starts and ends unset). */
async function toggleMaintenance(port: number, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const path = i % 2 === 0 ? 'set' : 'unset';
    const res = await fetch(`http://127.0.0.1:${port}/apis/v1/cluster/maintenance/${path}`, {
      method: 'POST',
      signal: AbortSignal.timeout(5000),
    });
    expect(res.status).toBe(200);
  }
}

/** The whole log as the stream replays it from the start, up to the message with SSE id `lastId`. */
async function replay(port: number, lastId: string): Promise<SseMessage[]> {
  const all = await SseConnection.open(streamUrl(port, '?after=0'));
  await all.until(`event ${lastId}`, (c) => c.messages.some((m) => m.id === lastId));
  await all.close();
  return all.messages;
}

/** Connects to whichever controller streams (the leader), resuming after `lastEventId`. */
const resume = (lastEventId: string): Promise<SseConnection> =>
  waitFor(
    'a controller to stream',
    async () => {
      for (const port of ports) {
        const connection = await SseConnection.open(streamUrl(port), {
          'last-event-id': lastEventId,
        }).catch(() => undefined);
        if (connection?.status === 200) return connection;
        await connection?.close();
      }
      return undefined;
    },
    20000,
  );

const lastId = (messages: SseMessage[]): string => messages[messages.length - 1].id as string;

describe('the event stream of two controller processes on the real ZooKeeper', () => {
  const processes = new Map<number, ChildProcess>();

  beforeAll(async () => {
    // distinct host names, so that a leader change is recorded (LEADERSHIP_LOST + LEADERSHIP_ACQUIRED)
    ports.forEach((port, i) => processes.set(port, startController(port, namespace, [], `ctl-${i}.test`)));
    await waitFor('one leader among both controllers', () => soleLeader(ports));
  });

  afterAll(async () => {
    await Promise.all([...processes.values()].map((p) => stopApp(p)));
    await removeNamespace(namespace);
  });

  it('a client that hangs up and reconnects with Last-Event-ID receives exactly the events it missed', async () => {
    const leader = (await soleLeader(ports)) as number;
    const first = await SseConnection.open(
      streamUrl(leader, '?after=0&types=MAINTENANCE_MODE_SET,MAINTENANCE_MODE_REMOVED'),
    );
    await toggleMaintenance(leader, 4);
    await first.until('4 events', (c) => c.messages.length === 4);
    await first.close();

    await toggleMaintenance(leader, 6);
    const second = await SseConnection.open(
      streamUrl(leader, '?types=MAINTENANCE_MODE_SET,MAINTENANCE_MODE_REMOVED'),
      {
        'last-event-id': lastId(first.messages),
      },
    );
    await second.until('the 6 missed events', (c) => c.messages.length >= 6);
    await toggleMaintenance(leader, 2);
    await second.until('2 live events', (c) => c.messages.length >= 8);
    await new Promise((r) => setTimeout(r, 300));
    await second.close();

    const log = (await replay(leader, lastId(second.messages))).filter((m) =>
      m.data.type.startsWith('MAINTENANCE_MODE'),
    );
    expect(log).toHaveLength(12);
    expect(second.messages).toEqual(log.slice(4));
    expect([...first.messages, ...second.messages]).toEqual(log);
  });

  it('a client streaming from a leader killed with -9 resumes on the new leader without gaps or repeats', async () => {
    const leader = (await soleLeader(ports)) as number;
    const follower = ports.find((p) => p !== leader) as number;
    const before = await SseConnection.open(streamUrl(leader));
    await toggleMaintenance(leader, 2);
    await before.until('the 2 new events', (c) => c.messages.length === 2);

    await stopApp(processes.get(leader) as ChildProcess, 'SIGKILL');
    processes.delete(leader);
    await before.until('the stream to break', (c) => c.closed);
    const after = await resume(lastId(before.messages));
    await toggleMaintenance(follower, 2);
    await after.until(
      'the leader change and 2 new events',
      (c) => c.messages.filter((m) => m.data.type.startsWith('MAINTENANCE')).length === 2,
    );
    await new Promise((r) => setTimeout(r, 300));
    await after.close();

    const received = [...before.messages, ...after.messages];
    const log = await replay(follower, lastId(received));
    expect(received).toEqual(log.slice(log.findIndex((m) => m.id === received[0].id)));
    expect(new Set(received.map((m) => m.data.id)).size).toBe(received.length);
    expect(after.messages.map((m) => m.data.type)).toEqual([
      'LEADERSHIP_LOST',
      'LEADERSHIP_ACQUIRED',
      'MAINTENANCE_MODE_SET',
      'MAINTENANCE_MODE_REMOVED',
    ]);
    expect(after.messages[0].data.metadata).toEqual({ HOSTNAME: `ctl-${ports.indexOf(leader)}.test` });
    // one log event, two Drove events: the first has a sub-id, so resuming between them is exact
    const position = after.messages[1].id as string;
    expect(after.messages.slice(0, 2).map((m) => m.id)).toEqual([`${position}.0`, position]);
  });
});
