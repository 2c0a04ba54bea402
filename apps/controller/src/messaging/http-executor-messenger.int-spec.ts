import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ExecutorAddressJson, StopInstanceMessage } from '@drove/domain';
import { HttpExecutorMessenger } from './http-executor-messenger';

interface Seen {
  headers: IncomingMessage['headers'];
  body: unknown;
}

describe('HttpExecutorMessenger against a loopback executor', () => {
  let server: Server;
  let address: ExecutorAddressJson;
  const seen: Seen[] = [];
  // what the executor answers, one entry per request (the last one repeats)
  let answers: { code: number; status?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: JSON.parse(body) as unknown });
        const answer =
          answers.length > 1 ? (answers.shift() as { code: number; status?: string }) : answers[0];
        res.writeHead(answer.code, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ header: {}, ...(answer.status ? { status: answer.status } : {}) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    address = { executorId: 'e1', hostname: '127.0.0.1', port, transportType: 'HTTP' };
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (seen.length = 0));

  const stop: StopInstanceMessage = {
    type: 'STOP_INSTANCE',
    header: { id: 'm1', senderType: 'CONTROLLER', direction: 'REQUEST', messageTime: 1 },
    address: { executorId: 'e1', hostname: '127.0.0.1', port: 1, transportType: 'HTTP' },
    instanceId: 'AI-1',
  };
  const messenger = (retryForMs = 0) =>
    new HttpExecutorMessenger({ secret: 'ctl-secret', nodeId: 'ctl-1', timeoutMs: 500, retryForMs });

  it('posts the message with the CONTROLLER secret and NodeId and reads ACCEPTED', async () => {
    answers = [{ code: 200, status: 'ACCEPTED' }];
    expect(await messenger().send(address, stop)).toEqual({ status: 'ACCEPTED' });
    expect(seen[0].body).toEqual(stop);
    expect(seen[0].headers).toMatchObject({ 'cluster-authorization': 'ctl-secret', nodeid: 'ctl-1' });
  });

  it.each([
    [{ code: 500, status: 'ACCEPTED' }, 'answered 500'],
    [{ code: 200, status: 'FAILED' }, 'FAILED'],
    [{ code: 200 }, 'no message status'],
  ])('treats %j as not accepted', async (answer, why) => {
    answers = [answer];
    const result = await messenger().send(address, stop);
    expect(result.status).toBe('FAILED');
    expect(result.error).toContain(why);
  });

  it('retries 1 s apart until ACCEPTED', async () => {
    answers = [
      { code: 200, status: 'FAILED' },
      { code: 200, status: 'ACCEPTED' },
    ];
    expect(await messenger(5000).send(address, stop)).toEqual({ status: 'ACCEPTED' });
    expect(seen).toHaveLength(2);
  });

  it('an executor that does not answer is FAILED after the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const result = await messenger().send({ ...address, port }, stop);
    expect(result.status).toBe('FAILED');
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});
