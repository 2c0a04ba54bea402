import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Latencies of log appends and placements: milliseconds to a few seconds (a ZooKeeper round trip on a loaded host).
const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type CommandResult = 'accepted' | 'refused' | 'failed';

/**
 * The controller's own Prometheus registry (one per process, not prom-client's global one, so two controllers in
 * one test process do not share series) and the instruments the write side records into. Gauges of the cluster
 * state are computed at scrape time by ClusterStateGauges.
 */
@Injectable()
export class ControllerMetrics {
  readonly registry = new Registry();

  private readonly commands = new Counter({
    name: 'drove_controller_commands_total',
    help: 'Commands run through the command pipeline, by command type and result',
    labelNames: ['type', 'result'],
    registers: [this.registry],
  });

  private readonly eventsAppended = new Counter({
    name: 'drove_controller_events_appended_total',
    help: 'Events appended to the log by this controller',
    registers: [this.registry],
  });

  private readonly appendLatency = new Histogram({
    name: 'drove_controller_event_append_duration_seconds',
    help: 'Time of one fenced append to the log (successful or not)',
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly placementLatency = new Histogram({
    name: 'drove_controller_placement_duration_seconds',
    help: 'Time the scheduler took to place one instance, by result',
    labelNames: ['result'],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly rebuildEvents = new Gauge({
    name: 'drove_controller_view_rebuild_replayed_events',
    help: 'Events the last cluster view rebuild replayed from the log (after its snapshot, if any)',
    registers: [this.registry],
  });

  private readonly rebuildSnapshotPosition = new Gauge({
    name: 'drove_controller_view_rebuild_snapshot_position',
    help: 'Log position of the snapshot the last cluster view rebuild started from (0: the whole log was replayed)',
    registers: [this.registry],
  });

  private readonly rebuildDuration = new Gauge({
    name: 'drove_controller_view_rebuild_duration_seconds',
    help: 'Time the last cluster view rebuild took, snapshot load included',
    registers: [this.registry],
  });

  private readonly snapshotsSaved = new Counter({
    name: 'drove_controller_view_snapshots_saved_total',
    help: 'Cluster view snapshots this controller saved (as leader)',
    registers: [this.registry],
  });

  /** Node's process metrics (CPU, memory, event loop lag, GC) into this registry; once per process. */
  collectNodeMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'drove_' });
  }

  command(type: string, result: CommandResult): void {
    this.commands.inc({ type, result });
  }

  /** Times `append`; counts the events once it succeeds. */
  async timeAppend<T>(events: number, append: () => Promise<T>): Promise<T> {
    const end = this.appendLatency.startTimer();
    try {
      const result = await append();
      this.eventsAppended.inc(events);
      return result;
    } finally {
      end();
    }
  }

  viewRebuilt(snapshotPosition: number, replayedEvents: number, ms: number): void {
    this.rebuildSnapshotPosition.set(snapshotPosition);
    this.rebuildEvents.set(replayedEvents);
    this.rebuildDuration.set(ms / 1000);
  }

  viewSnapshotSaved(): void {
    this.snapshotsSaved.inc();
  }

  /** Times a synchronous placement; `ok` tells a placement from a refusal. */
  timePlacement<T extends { ok: boolean }>(place: () => T): T {
    const end = this.placementLatency.startTimer();
    const placed = place();
    end({ result: placed.ok ? 'placed' : 'refused' });
    return placed;
  }
}
