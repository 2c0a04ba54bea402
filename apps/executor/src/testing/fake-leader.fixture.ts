import { IncomingHttpHeaders, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { LeaderAddress } from '../cluster/leader-finder';

export interface ReceivedReport {
  headers: IncomingHttpHeaders;
  type: string;
  instanceInfo: { instanceId: string; state: string };
}

export interface FakeLeader {
  address: LeaderAddress;
  received: ReceivedReport[];
  // The next `count` messages are answered 500.
  failNext(count: number): void;
  close(): Promise<void>;
}

// A loopback stand-in for the leading controller's `/apis/v1/messages`: records every message and answers
// ACCEPTED with the request's header.
export async function startFakeLeader(): Promise<FakeLeader> {
  const received: ReceivedReport[] = [];
  let failing = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (failing > 0) {
        failing--;
        res.statusCode = 500;
        return res.end();
      }
      const message = JSON.parse(body);
      received.push({ headers: req.headers, type: message.type, instanceInfo: message.instanceInfo });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ header: message.header, status: 'ACCEPTED' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: { hostname: '127.0.0.1', port: (server.address() as AddressInfo).port, transportType: 'HTTP' },
    received,
    failNext: (count) => (failing = count),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
