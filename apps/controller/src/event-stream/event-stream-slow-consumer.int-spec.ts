import { connect, Socket } from 'node:net';
import { ANY } from '@drove/events';
import { SseConnection } from '../testing/sse-connection';
import { startTestController, TEST_FENCE_PATH, TestController } from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { EventStreamConfig } from './event-stream.config';
import { EventStreamService } from './event-stream.service';

// Real HTTP on loopback, in-memory log: enough events to fill a client's socket buffers (the kernel's on both
// sides, several MB on loopback) while it reads nothing.
const EVENTS = 60_000;
const BATCH = 1_000;

async function appendMany(ctl: TestController, count: number): Promise<void> {
  for (let done = 0; done < count; done += BATCH) {
    const events = Array.from({ length: BATCH }, (_, i) => ({
      id: `load-${done + i}`,
      type: 'MaintenanceModeSet',
      data: { hostname: `host-${done + i}`, at: done + i },
    }));
    await ctl.store.append('load', ANY, events, { fence: TEST_FENCE_PATH });
  }
}

describe('a client that stops reading', () => {
  let ctl: TestController;
  let stuck: Socket;

  afterEach(async () => {
    stuck?.destroy();
    await ctl.app.close();
  });

  it('holds up no one else and is dropped after stallTimeoutMs', async () => {
    const config = Object.assign(new EventStreamConfig(), { stallTimeoutMs: 1000 });
    ctl = await startTestController(1_700_000_000_000, undefined, undefined, false, undefined, config);
    await ctl.app.listen(0, '127.0.0.1');
    const { port } = ctl.app.getHttpServer().address() as { port: number };
    const streams = ctl.app.get(EventStreamService);

    stuck = connect(port, '127.0.0.1');
    stuck.write('GET /apis/v2/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    stuck.pause();
    let stuckClosed = false;
    let stuckText = '';
    stuck.setEncoding('utf8');
    stuck.on('data', (chunk: string) => (stuckText += chunk));
    stuck.on('close', () => (stuckClosed = true));
    await waitUntil('the stuck client to connect', () => streams.connected === 1, 2000);
    const reader = await SseConnection.open(`http://127.0.0.1:${port}/apis/v2/events/stream`);
    await reader.until('the stream to open', (c) => c.parsed.comments.includes('stream open'));

    await appendMany(ctl, EVENTS);
    await reader.until(`${EVENTS} events`, (c) => c.messages.length === EVENTS, 30_000);
    await waitUntil('the stuck client to be dropped', () => streams.connected === 1, 10_000);
    // a paused socket does not see the connection go until it reads again
    stuck.resume();
    await waitUntil('the stuck client to see its connection closed', () => stuckClosed, 10_000);
    await reader.close();

    expect(reader.messages.map((m) => m.id)).toEqual(Array.from({ length: EVENTS }, (_, i) => String(i + 1)));
    // it got only what its socket buffers held: the controller never queued the rest for it
    const stuckEvents = stuckText.split('\nid: ').length - 1;
    expect(stuckEvents).toBeGreaterThan(0);
    expect(stuckEvents).toBeLessThan(EVENTS);
  });
});
