import {
  ApplicationAggregate,
  ApplicationEvent,
  ClusterAggregate,
  ClusterEvent,
  CLUSTER_STREAM,
  applicationDecider,
  clusterDecider,
} from '@drove/domain';
import { StoredEvent } from '@drove/events';

const APP_STREAM_PREFIX = 'app-';

/**
 * The cluster view as far as the log has been read: every application folded with the application decider's
 * own evolve (so the view cannot disagree with what commands decide on), and the cluster aggregate.
 * Instances, tasks and executors are not in it yet.
 */
export class ClusterViewProjection {
  private readonly apps = new Map<string, ApplicationAggregate>();
  private clusterState: ClusterAggregate = clusterDecider.initialState;
  private lastPosition = 0;

  get position(): number {
    return this.lastPosition;
  }

  get cluster(): ClusterAggregate {
    return this.clusterState;
  }

  /** Idempotent: an event at or below the position already applied is skipped (subscriptions are at least once). */
  apply(event: StoredEvent): void {
    if (event.position <= this.lastPosition) return;
    this.lastPosition = event.position;
    const domainEvent = { type: event.type, schemaVersion: event.schemaVersion, data: event.data };
    if (event.stream.startsWith(APP_STREAM_PREFIX)) {
      const appId = event.stream.slice(APP_STREAM_PREFIX.length);
      // evolve returns nothing for a type it does not know (from a newer controller, or a foreign writer): skip it.
      const next: ApplicationAggregate | undefined = applicationDecider.evolve(
        this.apps.get(appId) ?? applicationDecider.initialState,
        domainEvent as ApplicationEvent,
      );
      if (next === undefined) return;
      // Drove forgets a destroyed app (its znodes are deleted); the log still has its history.
      if (next.state === 'DESTROYED') this.apps.delete(appId);
      else this.apps.set(appId, next);
    } else if (event.stream === CLUSTER_STREAM) {
      this.clusterState = clusterDecider.evolve(this.clusterState, domainEvent as ClusterEvent);
    }
  }

  application(appId: string): ApplicationAggregate | undefined {
    return this.apps.get(appId);
  }

  /** In the order the apps were created. */
  applications(): ApplicationAggregate[] {
    return [...this.apps.values()];
  }
}
