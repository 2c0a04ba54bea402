import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  Clock,
  ExecutorAddressJson,
  ExecutorNodeDataJson,
  ExecutorResourceSnapshotJson,
  ExecutorState,
} from '@drove/domain';
import { Scheduler, snapshotFromDroveNodeData } from '@drove/scheduler';
import { CLOCK } from '../event-store/event-store.tokens';
import { RULE_CACHE_SIZE } from '../cluster-options/cluster-options.tokens';

/** What the log records about an executor; a change in any of these is an event, resources are not. */
export interface ExecutorIdentity {
  executorId: string;
  hostname: string;
  port: number;
  transportType: ExecutorNodeDataJson['transportType'];
  tags: string[];
  executorState: ExecutorState;
}

export type ExecutorChange =
  { type: 'UPDATED'; identity: ExecutorIdentity } | { type: 'REMOVED'; executorId: string };

/** How long a vanished executor is still listed (as REMOVED), as Drove keeps it. */
const REMOVED_RETENTION_MS = 2 * 24 * 3600 * 1000;

const identityOf = (data: ExecutorNodeDataJson): ExecutorIdentity => ({
  executorId: data.state.executorId,
  hostname: data.hostname,
  port: data.port,
  transportType: data.transportType,
  tags: [...(data.tags ?? [])].sort(),
  executorState: data.executorState ?? 'ACTIVE',
});

const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/** Longer than any staleness (`options.instanceStalenessMs` is at most an hour): older heard-of times are dropped. */
const HEARD_OF_RETENTION_MS = 2 * 3600 * 1000;

const instanceIdsIn = (data: ExecutorNodeDataJson): string[] =>
  [...(data.instances ?? []), ...(data.serviceInstances ?? []), ...(data.tasks ?? [])].map(
    (i) => i.instanceId,
  );

const sameIdentity = (a: ExecutorIdentity, b: ExecutorIdentity): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The live executors as their node data last showed them, in memory only: resources change every few seconds and
 * are not events. Feeds the scheduler's cluster view; tells listeners only about meaningful changes (new
 * executor, another state/address/tags, gone), which the leader records in the log.
 * When each executor was last heard of is kept by this controller's clock (the executors' clocks may be off): the
 * time node data with a newer `updated` than held arrived. A re-read of the same data (a new ZooKeeper session)
 * is not news, so a hung executor whose ephemeral znode lives on still ages and is removed by staleness.
 */
@Injectable()
export class ExecutorRegistry {
  readonly scheduler: Scheduler;
  private readonly live = new Map<string, ExecutorNodeDataJson>();
  private readonly removed = new Map<string, { data: ExecutorNodeDataJson; at: number }>();
  private readonly listeners = new Set<(change: ExecutorChange) => void>();
  /** Executors the log says are (being) blacklisted: never offered to the scheduler, whatever they report. */
  private readonly cordoned = new Set<string>();
  private readonly heardAt = new Map<string, number>();
  /**
   * For each app, local-service and task instance, which executor last listed it and when that node data arrived.
   * Kept when it stops being listed or its executor goes, so it ages from the last listing.
   */
  private readonly listedAt = new Map<string, { executorId: string; at: number }>();

  constructor(
    @Optional() @Inject(CLOCK) private readonly clock: Clock = SYSTEM_CLOCK,
    @Optional() @Inject(RULE_CACHE_SIZE) ruleCacheSize?: number,
  ) {
    this.scheduler = new Scheduler({ seed: Date.now() % 2147483647, ruleCacheSize });
  }

  onChange(listener: (change: ExecutorChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A snapshot from the executor's znode or an EXECUTOR_SNAPSHOT message; an older one than held is ignored. */
  update(data: ExecutorNodeDataJson): void {
    const executorId = data.state.executorId;
    const previous = this.live.get(executorId);
    if (previous && previous.updated > data.updated) return;
    // Removed (gone or stale): only newer node data than it last had brings it back.
    const gone = this.removed.get(executorId)?.data;
    if (!previous && gone && data.updated <= gone.updated) return;
    if (!previous || data.updated > previous.updated) this.heard(data);
    this.live.set(executorId, data);
    this.removed.delete(executorId);
    this.feedScheduler(data);
    const identity = identityOf(data);
    if (!previous || !sameIdentity(identityOf(previous), identity)) this.emit({ type: 'UPDATED', identity });
  }

  /** The resource part of a state report: fresher than the last snapshot for the scheduler. */
  updateResources(snapshot: ExecutorResourceSnapshotJson): void {
    const data = this.live.get(snapshot.executorId);
    if (!data) return;
    const updated = { ...data, state: snapshot };
    this.live.set(snapshot.executorId, updated);
    this.feedScheduler(updated);
  }

  /** Blacklisting is the controller's decision: the scheduler skips a cordoned executor even before it reports so. */
  cordon(executorId: string, cordoned: boolean): void {
    if (cordoned) this.cordoned.add(executorId);
    else this.cordoned.delete(executorId);
    const data = this.live.get(executorId);
    if (data) this.feedScheduler(data);
  }

  isCordoned(executorId: string): boolean {
    return this.cordoned.has(executorId);
  }

  private feedScheduler(data: ExecutorNodeDataJson): void {
    const snapshot = snapshotFromDroveNodeData(data);
    const cordoned = this.cordoned.has(snapshot.executorId) && snapshot.state === 'ACTIVE';
    this.scheduler.cluster.update(cordoned ? { ...snapshot, state: 'BLACKLIST_REQUESTED' } : snapshot);
  }

  remove(executorId: string, at: number): void {
    const data = this.live.get(executorId);
    if (!data) return;
    this.live.delete(executorId);
    this.heardAt.delete(executorId);
    this.removed.set(executorId, { data, at });
    this.scheduler.cluster.remove(executorId);
    this.emit({ type: 'REMOVED', executorId });
  }

  /** Live executors whose node data has not been renewed for longer than `maxAgeMs` (Drove's staleExecutorAge). */
  staleExecutors(now: number, maxAgeMs: number): string[] {
    return [...this.heardAt].filter(([, at]) => now - at > maxAgeMs).map(([executorId]) => executorId);
  }

  /**
   * When the latest node data of this executor listing this instance (app, local-service or task) arrived;
   * undefined if none did (or another executor listed it since).
   */
  heardOf(executorId: string, instanceId: string): number | undefined {
    const listed = this.listedAt.get(instanceId);
    return listed?.executorId === executorId ? listed.at : undefined;
  }

  private heard(data: ExecutorNodeDataJson): void {
    const executorId = data.state.executorId;
    const at = this.clock.now();
    this.heardAt.set(executorId, at);
    for (const instanceId of instanceIdsIn(data)) this.listedAt.set(instanceId, { executorId, at });
    for (const [instanceId, listed] of this.listedAt) {
      if (at - listed.at > HEARD_OF_RETENTION_MS) this.listedAt.delete(instanceId);
    }
  }

  get(executorId: string): ExecutorNodeDataJson | undefined {
    return this.live.get(executorId);
  }

  address(executorId: string): ExecutorAddressJson | undefined {
    const data = this.live.get(executorId);
    return (
      data && { executorId, hostname: data.hostname, port: data.port, transportType: data.transportType }
    );
  }

  all(): ExecutorNodeDataJson[] {
    return [...this.live.values()];
  }

  identities(): ExecutorIdentity[] {
    return this.all().map(identityOf);
  }

  /** Executors gone within the retention, with the node data they last had. */
  recentlyRemoved(now: number): ExecutorNodeDataJson[] {
    for (const [id, entry] of this.removed) {
      if (now - entry.at > REMOVED_RETENTION_MS) this.removed.delete(id);
    }
    return [...this.removed.values()].map((entry) => entry.data);
  }

  /** The node data an executor had when it vanished, while it has not come back. */
  lastRemoved(executorId: string): ExecutorNodeDataJson | undefined {
    return this.removed.get(executorId)?.data;
  }

  private emit(change: ExecutorChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
