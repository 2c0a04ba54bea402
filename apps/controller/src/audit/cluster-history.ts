import {
  effectiveExecutorState,
  ExecutorAggregate,
  ExecutorEvent,
  ExecutorState,
  executorDecider,
  InstanceAggregate,
  InstanceState,
} from '@drove/domain';
import { EventStore, StoredEvent } from '@drove/events';
import { AppSummary, appSummary } from '../projections/app-summary';
import { LocalServiceSummary, localServiceSummary } from '../local-services/local-service-summary';
import { ClusterViewProjection, ClusterViewSnapshot } from '../projections/cluster-view.projection';
import { healthyInstanceIdsOf } from '../projections/instance-queries';

const READ_PAGE = 5000;
const EXECUTOR_STREAM_PREFIX = 'executor-';

export interface HistoricInstance {
  instanceId: string;
  appId: string;
  executorId?: string;
  state?: InstanceState;
  created?: number;
  updated?: number;
}

export interface HistoricServiceInstance {
  instanceId: string;
  serviceId: string;
  executorId?: string;
  state?: InstanceState;
  created?: number;
  updated?: number;
}

const historic = (i: InstanceAggregate) => ({
  instanceId: i.instanceId ?? '',
  executorId: i.executorId,
  state: i.state,
  created: i.created,
  updated: i.updated,
});

export interface HistoricExecutor {
  executorId: string;
  hostname?: string;
  port?: number;
  state?: ExecutorState;
  updated?: number;
}

export interface ClusterAt {
  at: number;
  /** Last position folded (0: nothing had happened yet). */
  position: number;
  /** Time of that event, 0 when none. */
  time: number;
  maintenance: boolean;
  applications: AppSummary[];
  instances: HistoricInstance[];
  localServices: LocalServiceSummary[];
  serviceInstances: HistoricServiceInstance[];
  executors: HistoricExecutor[];
}

/** A snapshot of the history fold: the view, the executors, and the (non-decreasing) time of its last event. */
interface HistorySnapshot {
  time: number;
  view: ClusterViewSnapshot;
  executors: [string, ExecutorAggregate][];
}

/** Where the history snapshots are, kept as one small snapshot of its own. */
interface SnapshotIndex {
  entries: { position: number; time: number }[];
}

export const HISTORY_INDEX = 'history-index';
export const historySnapshotName = (position: number): string => `history-${position}`;
/** Positions between two history snapshots. */
export const HISTORY_SNAPSHOT_EVERY = 10_000;

/** The controller's own cluster view projection plus the executors' streams (which the live view leaves to the registry). */
class HistoricView {
  constructor(
    readonly view = new ClusterViewProjection(),
    private readonly executors = new Map<string, ExecutorAggregate>(),
    public time = 0,
  ) {}

  static restore(s: HistorySnapshot): HistoricView {
    return new HistoricView(ClusterViewProjection.restore(s.view), new Map(s.executors), s.time);
  }

  snapshot(): HistorySnapshot {
    return { time: this.time, view: this.view.snapshot(), executors: [...this.executors.entries()] };
  }

  apply(event: StoredEvent, effectiveTime: number): void {
    this.time = effectiveTime;
    this.view.apply(event);
    if (!event.stream.startsWith(EXECUTOR_STREAM_PREFIX)) return;
    const id = event.stream.slice(EXECUTOR_STREAM_PREFIX.length);
    const next: ExecutorAggregate | undefined = executorDecider.evolve(
      this.executors.get(id) ?? executorDecider.initialState,
      { type: event.type, schemaVersion: event.schemaVersion, data: event.data } as ExecutorEvent,
    );
    if (next !== undefined) this.executors.set(id, next);
  }

  result(at: number): ClusterAt {
    const apps = this.view.applications();
    const services = this.view.localServices();
    return {
      at,
      position: this.view.position,
      time: this.time,
      maintenance: this.view.cluster.state === 'MAINTENANCE',
      applications: apps.map((app) =>
        appSummary(app, healthyInstanceIdsOf(this.view, app.appId ?? '').length),
      ),
      instances: apps.flatMap((app) =>
        this.view.instancesOf(app.appId ?? '').map((i) => ({ ...historic(i), appId: app.appId ?? '' })),
      ),
      localServices: services.map((service) =>
        localServiceSummary(service, this.view.serviceInstancesOf(service.serviceId ?? '')),
      ),
      serviceInstances: services.flatMap((service) =>
        this.view
          .serviceInstancesOf(service.serviceId ?? '')
          .map((i) => ({ ...historic(i), serviceId: service.serviceId ?? '' })),
      ),
      executors: [...this.executors.entries()].map(([executorId, e]) => ({
        executorId,
        hostname: e.hostname,
        port: e.port,
        state: effectiveExecutorState(e),
        updated: e.updated,
      })),
    };
  }
}

/**
 * The cluster as it was at `at`, replayed from the log: from the newest history snapshot stamped at or before `at`
 * (else from position 1) up to the last event stamped at or before `at`. An event's time counts as at least its
 * predecessor's (as in the event feed), so a clock that went back between leaders cannot make the prefix ragged:
 * the fold stops at the first event past `at`. The log never changes, so a snapshot stays true forever; the fold
 * saves one every `every` positions it crosses that has none yet (the first query over a long log pays for the
 * next ones).
 */
export async function clusterAt(
  store: EventStore,
  at: number,
  every = HISTORY_SNAPSHOT_EVERY,
): Promise<ClusterAt> {
  const index = (await store.loadSnapshot<SnapshotIndex>(HISTORY_INDEX))?.state ?? { entries: [] };
  const start = index.entries.filter((e) => e.time <= at).pop();
  const saved = start && (await store.loadSnapshot<HistorySnapshot>(historySnapshotName(start.position)));
  const history = saved ? HistoricView.restore(saved.state) : new HistoricView();
  const known = new Set(index.entries.map((e) => e.position));
  const added: SnapshotIndex['entries'] = [];
  for (let next = history.view.position + 1; ;) {
    const page = await store.readAll(next, READ_PAGE);
    const end = page.findIndex((event) => Math.max(history.time, event.time) > at);
    for (const event of end < 0 ? page : page.slice(0, end)) {
      history.apply(event, Math.max(history.time, event.time));
      if (event.position % every === 0 && !known.has(event.position)) {
        await store.saveSnapshot(historySnapshotName(event.position), event.position, history.snapshot());
        added.push({ position: event.position, time: history.time });
      }
    }
    if (page.length === 0 || end >= 0) break;
    next = page[page.length - 1].position + 1;
  }
  if (added.length > 0) {
    const entries = [...index.entries, ...added].sort((a, b) => a.position - b.position);
    await store.saveSnapshot(HISTORY_INDEX, entries[entries.length - 1].position, { entries });
  }
  return history.result(at);
}
