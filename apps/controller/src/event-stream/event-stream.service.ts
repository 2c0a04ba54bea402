import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventsFeedService } from '../events-feed/events-feed.service';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { EventStreamConfig } from './event-stream.config';
import { EventStreamMetrics } from './event-stream.metrics';
import { EVENT_STREAM_CONFIG } from './event-stream.tokens';
import { StreamClient, StreamSink, StreamSource } from './stream-client';
import { StreamCursor } from './stream-cursor';
import { StreamFilter } from './stream-filter';

/** How often heartbeats, stalled clients and leadership are looked at; heartbeats go out at their own interval. */
const TICK_MS = 500;

/**
 * The connected SSE clients. They read the Drove event feed up to a horizon: the lower of the feed's position
 * and the cluster view's, so when a client receives an event, this controller's read API (`/apis/v1/endpoints`
 * and the rest) already shows it: a router that refetches on an event never reads a state older than the event.
 * Streams are closed when this controller stops leading (clients find the new leader, as for every API route).
 */
@Injectable()
export class EventStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventStream');
  private readonly clients = new Set<StreamClient>();
  private readonly source: StreamSource;
  private readonly metrics: EventStreamMetrics;
  private readonly unsubscribe: (() => void)[] = [];
  private ticker: NodeJS.Timeout | undefined;
  private wakeScheduled = false;

  constructor(
    private readonly feed: EventsFeedService,
    private readonly clusterView: ClusterViewService,
    @Inject(LEADERSHIP_VIEW) private readonly leadership: LeadershipView,
    @Inject(EVENT_STREAM_CONFIG) private readonly config: EventStreamConfig,
    controllerMetrics: ControllerMetrics,
  ) {
    this.metrics = new EventStreamMetrics(controllerMetrics.registry, () => this.clients.size);
    this.source = {
      feed: feed.feed,
      horizon: () => Math.min(feed.feed.position, clusterView.view.position),
    };
  }

  onModuleInit(): void {
    this.unsubscribe.push(
      this.feed.feed.onAppend(() => this.wake()),
      this.clusterView.onAdvance(() => this.wake()),
    );
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.ticker);
    for (const stop of this.unsubscribe) stop();
    this.closeAll();
  }

  get connected(): number {
    return this.clients.size;
  }

  /** Resolves once the feed holds the log as it was at startup. */
  ready(): Promise<void> {
    return this.feed.ready;
  }

  /** Where a client that gave no Last-Event-ID starts: after everything it could be sent now. */
  now(): StreamCursor {
    return { position: this.source.horizon(), index: Infinity };
  }

  open(sink: StreamSink, after: StreamCursor, filter: StreamFilter): void {
    const client = new StreamClient(
      sink,
      this.source,
      after,
      filter,
      { ...this.config, now: () => Date.now() },
      (closed) => this.clients.delete(closed),
    );
    this.clients.add(client);
    client.start();
  }

  /** Feed and view wake clients once per turn however many events arrived in it. */
  private wake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      for (const client of this.clients) client.pump();
    });
  }

  private tick(): void {
    if (this.clients.size === 0) return;
    if (!this.leadership.isLeader()) {
      this.logger.log(`not leading: closing ${this.clients.size} event stream(s)`);
      this.closeAll();
      return;
    }
    for (const client of this.clients) {
      if (client.tick() === 'stalled') {
        this.logger.warn(`dropping an event stream client that stopped reading`);
        this.metrics.droppedStalled();
        this.drop(client);
      }
    }
  }

  private closeAll(): void {
    for (const client of this.clients) this.drop(client);
  }

  private drop(client: StreamClient): void {
    client.close();
    this.clients.delete(client);
  }
}
