import { Counter, Gauge, Registry } from 'prom-client';

/** The event stream's series in the controller's registry: who is connected, and who was dropped for stalling. */
export class EventStreamMetrics {
  private readonly stalled: Counter;

  constructor(registry: Registry, connected: () => number) {
    new Gauge({
      name: 'drove_controller_event_stream_clients',
      help: 'Clients connected to /apis/v2/events/stream',
      registers: [registry],
      collect() {
        this.set(connected());
      },
    });
    this.stalled = new Counter({
      name: 'drove_controller_event_stream_stalled_total',
      help: 'Event stream clients dropped because their connection stayed full for stallTimeoutMs',
      registers: [registry],
    });
  }

  droppedStalled(): void {
    this.stalled.inc();
  }
}
