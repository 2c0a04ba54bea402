import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { StateRecord } from '../engine/state-record';
import { ResourceLocks } from '../engine/resource-locks';
import { TEST_CAPACITY } from '../testing/engine.fixture';
import { LeaderAddress } from './leader-finder';
import { StateReporter } from './state-reporter';

const record = (instanceId: string, state: string) =>
  ({ kind: 'INSTANCE', info: { instanceId, state } }) as unknown as StateRecord;

describe('StateReporter against a loopback leader', () => {
  let server: Server;
  let leader: LeaderAddress;
  const received: { secret: string; nodeId: string; type: string; id: string; state: string }[] = [];
  let failFirst = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (failFirst > 0) {
          failFirst--;
          res.statusCode = 500;
          return res.end();
        }
        const message = JSON.parse(body);
        received.push({
          secret: String(req.headers['cluster-authorization']),
          nodeId: String(req.headers.nodeid),
          type: message.type,
          id: message.instanceInfo.instanceId,
          state: message.instanceInfo.state,
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ header: message.header, status: 'ACCEPTED' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    leader = { hostname: '127.0.0.1', port: (server.address() as AddressInfo).port, transportType: 'HTTP' };
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const reporter = (find: () => Promise<LeaderAddress | undefined>, dropped: string[] = []) =>
    new StateReporter({
      leader: { leader: find, forget: () => undefined },
      secret: 'ExecutorSecret',
      hostname: 'exec-host',
      resources: () => new ResourceLocks(TEST_CAPACITY).snapshot('ex'),
      retryDelayMs: 20,
      onDropped: (r, reason) => dropped.push(`${r.info.instanceId}: ${reason}`),
    });

  it('delivers in order with the EXECUTOR secret and NodeId, retrying a failed delivery', async () => {
    received.length = 0;
    failFirst = 1;
    const r = reporter(async () => leader);
    r.report(record('AI-1', 'PENDING'));
    r.report(record('AI-1', 'PROVISIONING'));
    await r.flushed();
    expect(received).toEqual([
      {
        secret: 'ExecutorSecret',
        nodeId: 'exec-host',
        type: 'INSTANCE_STATE_REPORT',
        id: 'AI-1',
        state: 'PENDING',
      },
      {
        secret: 'ExecutorSecret',
        nodeId: 'exec-host',
        type: 'INSTANCE_STATE_REPORT',
        id: 'AI-1',
        state: 'PROVISIONING',
      },
    ]);
  });

  it('drops a report after its attempts when there is no leader, and goes on', async () => {
    const dropped: string[] = [];
    const r = reporter(async () => undefined, dropped);
    r.report(record('AI-2', 'HEALTHY'));
    await r.flushed();
    expect(dropped).toEqual(['AI-2: no leader']);
  });
});
