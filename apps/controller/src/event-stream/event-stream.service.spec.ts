import { EventEmitter } from 'node:events';
import { StoredEvent } from '@drove/events';
import { DroveEventFeed } from '../events-feed/drove-event-feed';
import { EventsFeedService } from '../events-feed/events-feed.service';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { parseSse } from '../testing/parse-sse';
import { EventStreamConfig } from './event-stream.config';
import { EventStreamService } from './event-stream.service';
import { StreamSink } from './stream-client';

class Sink extends EventEmitter implements StreamSink {
  text = '';
  state: 'open' | 'ended' | 'destroyed' = 'open';
  constructor(private readonly accepts = true) {
    super();
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return this.accepts;
  }
  end(): void {
    this.state = 'ended';
  }
  destroy(): void {
    this.state = 'destroyed';
  }
  get ids(): (string | undefined)[] {
    return parseSse(this.text).messages.map((m) => m.id);
  }
}

const maintenance = (position: number): StoredEvent => ({
  ...{ id: `e-${position}`, type: 'MaintenanceModeSet', schemaVersion: 1, stream: 'cluster' },
  ...{
    streamVersion: position,
    position,
    time: position,
    actor: 't',
    correlationId: null,
    causationId: null,
  },
  ...{ data: { hostname: 'ctl', at: 0 }, prevHash: '', hash: '' },
});

describe('EventStreamService', () => {
  let feed: DroveEventFeed;
  let view: { position: number };
  let advance: () => void;
  let leading: boolean;
  let service: EventStreamService;
  let metrics: ControllerMetrics;

  beforeEach(() => {
    jest.useFakeTimers();
    feed = new DroveEventFeed();
    view = { position: 0 };
    leading = true;
    const clusterView = {
      get view() {
        return view;
      },
      onAdvance: (listener: () => void) => {
        advance = listener;
        return () => undefined;
      },
    };
    const config = Object.assign(new EventStreamConfig(), {
      stallTimeoutMs: 2000,
      heartbeatIntervalMs: 60_000,
    });
    service = new EventStreamService(
      { feed } as unknown as EventsFeedService,
      clusterView as unknown as ClusterViewService,
      { isLeader: () => leading, leaderBaseUrl: () => Promise.resolve(null) },
      config,
      (metrics = new ControllerMetrics()),
    );
    service.onModuleInit();
  });
  afterEach(() => {
    service.onModuleDestroy();
    jest.useRealTimers();
  });

  const apply = (...positions: number[]) => {
    for (const p of positions) feed.apply(maintenance(p));
    jest.advanceTimersByTime(0);
  };

  it('sends an event only once the cluster view has it too, so the read API already shows what was sent', () => {
    const sink = new Sink();
    service.open(sink, { position: 0, index: Infinity }, () => true);
    apply(1, 2);
    expect(sink.ids).toEqual([]);
    view.position = 1;
    advance();
    jest.advanceTimersByTime(0);
    expect(sink.ids).toEqual(['1']);
    view.position = 2;
    advance();
    jest.advanceTimersByTime(0);
    expect(sink.ids).toEqual(['1', '2']);
  });

  it('starts a client without an id after everything the horizon allows', () => {
    apply(1, 2);
    view.position = 1;
    expect(service.now()).toEqual({ position: 1, index: Infinity });
  });

  it('drops a client whose connection stays full past stallTimeoutMs, keeps the others, and counts it', async () => {
    view.position = 10;
    const reading = new Sink();
    const stuck = new Sink(false);
    service.open(reading, { position: 0, index: Infinity }, () => true);
    service.open(stuck, { position: 0, index: Infinity }, () => true);
    jest.advanceTimersByTime(1500);
    expect(service.connected).toBe(2);
    jest.advanceTimersByTime(1000);
    expect(service.connected).toBe(1);
    expect([reading.state, stuck.state]).toEqual(['open', 'destroyed']);
    const text = await metrics.registry.metrics();
    expect(text).toContain('drove_controller_event_stream_clients 1\n');
    expect(text).toContain('drove_controller_event_stream_stalled_total 1\n');
  });

  it('ends every stream once this controller stops leading, and on shutdown', () => {
    const sinks = [new Sink(), new Sink()];
    for (const sink of sinks) service.open(sink, { position: 0, index: Infinity }, () => true);
    leading = false;
    jest.advanceTimersByTime(500);
    expect(service.connected).toBe(0);
    expect(sinks.map((s) => s.state)).toEqual(['ended', 'ended']);
    leading = true;
    const late = new Sink();
    service.open(late, { position: 0, index: Infinity }, () => true);
    service.onModuleDestroy();
    expect(late.state).toBe('ended');
  });

  it('forgets a client whose connection closed', () => {
    const sink = new Sink();
    service.open(sink, { position: 0, index: Infinity }, () => true);
    sink.emit('close');
    expect(service.connected).toBe(0);
  });
});
