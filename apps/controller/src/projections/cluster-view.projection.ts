import {
  ApplicationAggregate,
  ApplicationEvent,
  ClusterAggregate,
  ClusterEvent,
  CLUSTER_STREAM,
  InstanceAggregate,
  InstanceEvent,
  TaskAggregate,
  TaskEvent,
  applicationDecider,
  clusterDecider,
  instanceDecider,
} from '@drove/domain';
import { StoredEvent } from '@drove/events';
import { TaskViewProjection } from '../tasks/task-view.projection';
import {
  RETENTION_STREAM,
  VIEW_RECORDS_PRUNED,
  ViewRecordsPrunedData,
} from '../retention/view-records-pruned.event';
import { isOldInstance } from '../retention/old-records';

const APP_STREAM_PREFIX = 'app-';

/** The projection as plain JSON, for snapshots (history). */
export interface ClusterViewSnapshot {
  position: number;
  /** [appId, app], in creation order. */
  apps: [string, ApplicationAggregate][];
  /** [instanceId, instance], in the order the view first saw them. */
  instances: [string, InstanceAggregate][];
  /** [taskRunId, task], in creation order. */
  tasks: [string, TaskAggregate][];
  cluster: ClusterAggregate;
  /** Hash of the event at `position` (absent in snapshots written before it was kept): ties a snapshot to its log. */
  hash?: string;
}
const INSTANCE_STREAM_PREFIX = 'instance-';
const TASK_STREAM_PREFIX = 'task-';

/**
 * The cluster view as far as the log has been read: every application folded with the application decider's
 * own evolve (so the view cannot disagree with what commands decide on), and the cluster aggregate.
 * Application instances are folded with the instance decider's evolve, indexed by their app; tasks in `tasks`.
 * Executors are not in it (executors live in the in-memory ExecutorRegistry).
 */
export class ClusterViewProjection {
  private readonly apps = new Map<string, ApplicationAggregate>();
  private readonly instancesById = new Map<string, InstanceAggregate>();
  private readonly instancesByOwner = new Map<string, Set<string>>();
  private clusterState: ClusterAggregate = clusterDecider.initialState;
  private lastPosition = 0;
  private lastHash: string | undefined;
  readonly tasks = new TaskViewProjection();

  static restore(snapshot: ClusterViewSnapshot): ClusterViewProjection {
    const view = new ClusterViewProjection();
    view.lastPosition = snapshot.position;
    view.lastHash = snapshot.hash;
    view.clusterState = snapshot.cluster;
    for (const [id, app] of snapshot.apps) view.apps.set(id, app);
    for (const [id, instance] of snapshot.instances) view.index(id, instance);
    view.tasks.load(snapshot.tasks);
    return view;
  }

  snapshot(): ClusterViewSnapshot {
    return {
      position: this.lastPosition,
      apps: [...this.apps.entries()],
      instances: [...this.instancesById.entries()],
      tasks: this.tasks.entries(),
      cluster: this.clusterState,
      hash: this.lastHash,
    };
  }

  get position(): number {
    return this.lastPosition;
  }

  /** Hash of the last event applied; undefined before the first. */
  get hash(): string | undefined {
    return this.lastHash;
  }

  get cluster(): ClusterAggregate {
    return this.clusterState;
  }

  /** Idempotent: an event at or below the position already applied is skipped (subscriptions are at least once). */
  apply(event: StoredEvent): void {
    if (event.position <= this.lastPosition) return;
    this.lastPosition = event.position;
    this.lastHash = event.hash;
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
      if (next.state === 'DESTROYED') this.forgetApplication(appId);
      else this.apps.set(appId, next);
    } else if (event.stream.startsWith(INSTANCE_STREAM_PREFIX)) {
      this.applyInstance(event.stream.slice(INSTANCE_STREAM_PREFIX.length), domainEvent as InstanceEvent);
    } else if (event.stream.startsWith(TASK_STREAM_PREFIX)) {
      this.tasks.apply(event.stream.slice(TASK_STREAM_PREFIX.length), domainEvent as TaskEvent);
    } else if (event.stream === CLUSTER_STREAM) {
      this.clusterState = clusterDecider.evolve(this.clusterState, domainEvent as ClusterEvent);
    } else if (event.stream === RETENTION_STREAM && event.type === VIEW_RECORDS_PRUNED) {
      this.prune(event.data as ViewRecordsPrunedData);
    }
  }

  application(appId: string): ApplicationAggregate | undefined {
    return this.apps.get(appId);
  }

  /** In the order the apps were created. */
  applications(): ApplicationAggregate[] {
    return [...this.apps.values()];
  }

  instance(instanceId: string): InstanceAggregate | undefined {
    return this.instancesById.get(instanceId);
  }

  /** Every instance of the app the log knows of, in any state, oldest first. */
  instancesOf(appId: string): InstanceAggregate[] {
    const ids = this.instancesByOwner.get(appId);
    return ids ? [...ids].map((id) => this.instancesById.get(id) as InstanceAggregate) : [];
  }

  private applyInstance(instanceId: string, event: InstanceEvent): void {
    const next: InstanceAggregate | undefined = instanceDecider.evolve(
      this.instancesById.get(instanceId) ?? instanceDecider.initialState,
      event,
    );
    if (next === undefined || next.ownerId === undefined) return;
    this.index(instanceId, next);
  }

  private index(instanceId: string, instance: InstanceAggregate): void {
    const owner = instance.ownerId as string;
    this.instancesById.set(instanceId, instance);
    const owned = this.instancesByOwner.get(owner) ?? new Set<string>();
    owned.add(instanceId);
    this.instancesByOwner.set(owner, owned);
  }

  /** Only records still old are dropped: one that came back to life after the decision stays. */
  private prune({ instanceIds, taskRunIds }: ViewRecordsPrunedData): void {
    for (const instanceId of instanceIds) {
      const instance = this.instancesById.get(instanceId);
      if (instance === undefined || !isOldInstance(instance)) continue;
      this.instancesById.delete(instanceId);
      this.instancesByOwner.get(instance.ownerId as string)?.delete(instanceId);
    }
    this.tasks.prune(taskRunIds);
  }

  private forgetApplication(appId: string): void {
    this.apps.delete(appId);
    for (const instanceId of this.instancesByOwner.get(appId) ?? []) this.instancesById.delete(instanceId);
    this.instancesByOwner.delete(appId);
  }
}
