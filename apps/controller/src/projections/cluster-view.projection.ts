import {
  ApplicationAggregate,
  ApplicationEvent,
  ClusterAggregate,
  ClusterEvent,
  CLUSTER_STREAM,
  InstanceAggregate,
  InstanceEvent,
  LocalServiceAggregate,
  LocalServiceEvent,
  TaskAggregate,
  TaskEvent,
  applicationDecider,
  clusterDecider,
  instanceDecider,
  localServiceDecider,
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
  /** [serviceId, service], in creation order; absent in snapshots taken before local services were served. */
  services?: [string, LocalServiceAggregate][];
}
const INSTANCE_STREAM_PREFIX = 'instance-';
const SERVICE_STREAM_PREFIX = 'localservice-';

/** An app and a local service may share an id (both are `name-version`): their instances are indexed apart. */
const ownerKey = (kind: InstanceAggregate['kind'], ownerId: string): string =>
  kind === 'LOCAL_SERVICE' ? `service:${ownerId}` : ownerId;
const TASK_STREAM_PREFIX = 'task-';

/**
 * The cluster view as far as the log has been read: every application folded with the application decider's
 * own evolve (so the view cannot disagree with what commands decide on), and the cluster aggregate.
 * Local services likewise with the local-service decider. Application and local-service instances are folded
 * with the instance decider's evolve, indexed by their app or service; tasks in `tasks`.
 * Executors are not in it (executors live in the in-memory ExecutorRegistry).
 */
export class ClusterViewProjection {
  private readonly apps = new Map<string, ApplicationAggregate>();
  private readonly services = new Map<string, LocalServiceAggregate>();
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
    for (const [id, service] of snapshot.services ?? []) view.services.set(id, service);
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
      services: [...this.services.entries()],
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
      if (next.state === 'DESTROYED') this.forgetOwner(this.apps, appId, appId);
      else this.apps.set(appId, next);
    } else if (event.stream.startsWith(SERVICE_STREAM_PREFIX)) {
      this.applyService(event.stream.slice(SERVICE_STREAM_PREFIX.length), domainEvent as LocalServiceEvent);
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

  localService(serviceId: string): LocalServiceAggregate | undefined {
    return this.services.get(serviceId);
  }

  /** In the order the services were created. */
  localServices(): LocalServiceAggregate[] {
    return [...this.services.values()];
  }

  instance(instanceId: string): InstanceAggregate | undefined {
    return this.instancesById.get(instanceId);
  }

  /** Every instance of the app the log knows of, in any state, oldest first. */
  instancesOf(appId: string): InstanceAggregate[] {
    return this.owned(appId);
  }

  /** Every instance of the local service the log knows of, in any state, oldest first. */
  serviceInstancesOf(serviceId: string): InstanceAggregate[] {
    return this.owned(ownerKey('LOCAL_SERVICE', serviceId));
  }

  private owned(key: string): InstanceAggregate[] {
    const ids = this.instancesByOwner.get(key);
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
    const owner = ownerKey(instance.kind, instance.ownerId as string);
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
      this.instancesByOwner.get(ownerKey(instance.kind, instance.ownerId as string))?.delete(instanceId);
    }
    this.tasks.prune(taskRunIds);
  }

  private applyService(serviceId: string, event: LocalServiceEvent): void {
    const next: LocalServiceAggregate | undefined = localServiceDecider.evolve(
      this.services.get(serviceId) ?? localServiceDecider.initialState,
      event,
    );
    if (next === undefined) return;
    if (next.state === 'DESTROYED') {
      this.forgetOwner(this.services, serviceId, ownerKey('LOCAL_SERVICE', serviceId));
    } else this.services.set(serviceId, next);
  }

  /** Drove forgets a destroyed app or service and its instances (its znodes are deleted); the log keeps them. */
  private forgetOwner(owners: Map<string, unknown>, ownerId: string, key: string): void {
    owners.delete(ownerId);
    for (const instanceId of this.instancesByOwner.get(key) ?? []) this.instancesById.delete(instanceId);
    this.instancesByOwner.delete(key);
  }
}
