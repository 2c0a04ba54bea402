import {
  effectiveExecutorState,
  ExecutorAggregate,
  ExecutorEvent,
  ExecutorState,
  executorDecider,
  InstanceState,
} from '@drove/domain';
import { EventStore, StoredEvent } from '@drove/events';
import { AppSummary, appSummary } from '../projections/app-summary';
import { ClusterViewProjection } from '../projections/cluster-view.projection';
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
  executors: HistoricExecutor[];
}

/** The controller's own cluster view projection plus the executors' streams (which the live view leaves to the registry). */
class HistoricView {
  readonly view = new ClusterViewProjection();
  private readonly executors = new Map<string, ExecutorAggregate>();

  apply(event: StoredEvent): void {
    this.view.apply(event);
    if (!event.stream.startsWith(EXECUTOR_STREAM_PREFIX)) return;
    const id = event.stream.slice(EXECUTOR_STREAM_PREFIX.length);
    const next: ExecutorAggregate | undefined = executorDecider.evolve(
      this.executors.get(id) ?? executorDecider.initialState,
      { type: event.type, schemaVersion: event.schemaVersion, data: event.data } as ExecutorEvent,
    );
    if (next !== undefined) this.executors.set(id, next);
  }

  result(at: number, time: number): ClusterAt {
    const apps = this.view.applications();
    return {
      at,
      position: this.view.position,
      time,
      maintenance: this.view.cluster.state === 'MAINTENANCE',
      applications: apps.map((app) =>
        appSummary(app, healthyInstanceIdsOf(this.view, app.appId ?? '').length),
      ),
      instances: apps.flatMap((app) =>
        this.view.instancesOf(app.appId ?? '').map((i) => ({
          instanceId: i.instanceId ?? '',
          appId: app.appId ?? '',
          executorId: i.executorId,
          state: i.state,
          created: i.created,
          updated: i.updated,
        })),
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
 * The cluster as it was at `at`: the log folded from the start up to the last event stamped at or before `at`.
 * An event's time counts as at least its predecessor's (as in the event feed), so a clock that went back between
 * leaders cannot make the prefix ragged: the fold stops at the first event past `at`.
 */
export async function clusterAt(store: EventStore, at: number): Promise<ClusterAt> {
  const history = new HistoricView();
  let time = 0;
  for (let next = 1; ;) {
    const page = await store.readAll(next, READ_PAGE);
    if (page.length === 0) return history.result(at, time);
    for (const event of page) {
      const effective = Math.max(time, event.time);
      if (effective > at) return history.result(at, time);
      history.apply(event);
      time = effective;
    }
    next = page[page.length - 1].position + 1;
  }
}
