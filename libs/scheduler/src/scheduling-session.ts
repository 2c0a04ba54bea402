import { ResourceRequirement } from '@drove/domain';
import { Allocation } from './cluster/allocation';
import { ClusterResources } from './cluster/cluster-resources';
import { chooseCpus } from './cluster/core-chooser';
import { ExecutorView } from './cluster/executor-view';
import { NumaNodeView } from './cluster/numa-node-view';
import { fitNode, numaRejection } from './pipeline/numa-fit';
import { PlacementResult } from './pipeline/placement-result';
import { PlacementStrategy } from './pipeline/placement-strategy';
import { cpusText, resourceNeed, ResourceNeed } from './pipeline/resource-need';
import { ShuffledCandidates } from './pipeline/shuffled-candidates';
import { CompiledPolicy, PolicyScope } from './policy/compiled-policy';
import { RandomSource } from './random';
import { RuleValue } from './rules/rule-ast';

export interface InstanceRequest {
  instanceId: string;
  resources: ResourceRequirement[];
}

export interface SessionContext {
  cluster: ClusterResources;
  random: RandomSource;
  strategy: PlacementStrategy;
  schedulableStates: ReadonlySet<string>;
}

// One operation (a scale-up, a replacement, a task start) on one deployable. Its placements are soft
// allocations held in the cluster view until the instance starts (`confirm`) or fails (`release`);
// `abort` gives back everything not confirmed, `close` ends the session.
export class SchedulingSession implements PolicyScope {
  private readonly instancesPerExecutor = new Map<string, number>();
  private readonly held = new Map<string, Allocation>();
  private otherMetadata: RuleValue | undefined;

  constructor(
    private readonly context: SessionContext,
    private readonly policy: CompiledPolicy,
    private readonly env: Readonly<Record<string, string>>,
    existingInstances: readonly string[],
  ) {
    for (const executorId of existingInstances) this.count(executorId, 1);
  }

  place(request: InstanceRequest): PlacementResult {
    const need = this.needOf(request);
    if ('ok' in need) return need;
    const { cluster, random, strategy } = this.context;
    if (cluster.size === 0) return this.failure(request.instanceId, 'No executors on cluster', new Map());
    const candidates = new ShuffledCandidates(cluster.executors, random, (executor) =>
      this.feasibility(executor, need),
    );
    const chosen = strategy.choose(candidates, need, cluster.size);
    if (!chosen) return this.failure(request.instanceId, describeNeed(need), candidates.rejections);
    return this.hold(request.instanceId, chosen.executor.id, chosen.node, need);
  }

  // On one given executor only, as a local service places an instance on every executor; `states` are the
  // executor states that may take it (Drove lets an UNREADY executor start local-service instances).
  placeOn(
    executorId: string,
    request: InstanceRequest,
    states: ReadonlySet<string> = this.context.schedulableStates,
  ): PlacementResult {
    const need = this.needOf(request);
    if ('ok' in need) return need;
    const executor = this.context.cluster.get(executorId);
    if (!executor) return this.failure(request.instanceId, `No executor ${executorId} on cluster`, new Map());
    const node = this.feasibility(executor, need, states);
    if (typeof node === 'string') {
      return this.failure(request.instanceId, describeNeed(need), new Map([[node, 1]]));
    }
    return this.hold(request.instanceId, executorId, node, need);
  }

  private needOf(request: InstanceRequest): ResourceNeed | PlacementResult {
    const need = resourceNeed(request.resources);
    if (typeof need === 'string') return this.failure(request.instanceId, need, new Map());
    if (this.held.has(request.instanceId)) {
      return this.failure(request.instanceId, `Instance ${request.instanceId} is already placed`, new Map());
    }
    return need;
  }

  private hold(
    instanceId: string,
    executorId: string,
    node: NumaNodeView,
    need: ResourceNeed,
  ): PlacementResult {
    const allocation: Allocation = {
      instanceId,
      executorId,
      nodeId: node.id,
      cpus: chooseCpus(node, need.cpus),
      memoryMB: need.memoryMB,
    };
    this.context.cluster.holdSoft(allocation);
    this.held.set(allocation.instanceId, allocation);
    this.count(allocation.executorId, 1);
    return { ok: true, allocation };
  }

  // The instance did not start: its resources go back to the pool.
  release(instanceId: string): void {
    const allocation = this.held.get(instanceId);
    if (!allocation) return;
    this.held.delete(instanceId);
    this.context.cluster.releaseSoft(allocation);
    this.count(allocation.executorId, -1);
  }

  // The instance started: the executor's reports account for it from now on.
  confirm(instanceId: string): void {
    const allocation = this.held.get(instanceId);
    if (!allocation) return;
    this.held.delete(instanceId);
    this.context.cluster.forgetSoft(allocation);
  }

  abort(): void {
    for (const instanceId of [...this.held.keys()]) this.release(instanceId);
  }

  close(): void {
    for (const instanceId of [...this.held.keys()]) this.confirm(instanceId);
  }

  allocations(): Allocation[] {
    return [...this.held.values()];
  }

  instancesOn(executorId: string): number {
    return this.instancesPerExecutor.get(executorId) ?? 0;
  }

  // Drove's SchedulingInfo, plus the candidate's hostname and tags.
  ruleInput(executor: ExecutorView): RuleValue {
    return {
      executorNodeId: executor.id,
      hostname: executor.hostname,
      tags: [...executor.tags],
      allocatedExecutorNodeMetadata: { ...executor.metadata },
      allExecutorMetadata: this.metadataOfExecutorsInUse(),
      applicationEnvironment: { ...this.env },
    };
  }

  private feasibility(
    executor: ExecutorView,
    need: ResourceNeed,
    states: ReadonlySet<string> = this.context.schedulableStates,
  ): NumaNodeView | string {
    if (!states.has(executor.state)) return `executor is ${executor.state}`;
    const rejection = this.policy.check(executor, this);
    if (rejection !== null) return rejection;
    return fitNode(executor, need, this.context.strategy.nodePreference) ?? numaRejection(executor, need);
  }

  private metadataOfExecutorsInUse(): RuleValue {
    if (this.otherMetadata === undefined) {
      const metadata: Record<string, RuleValue> = {};
      for (const executorId of this.instancesPerExecutor.keys()) {
        const executor = this.context.cluster.get(executorId);
        if (executor) metadata[executorId] = { ...executor.metadata };
      }
      this.otherMetadata = metadata;
    }
    return this.otherMetadata;
  }

  private count(executorId: string, delta: number): void {
    const count = this.instancesOn(executorId) + delta;
    if (count > 0) this.instancesPerExecutor.set(executorId, count);
    else this.instancesPerExecutor.delete(executorId);
    this.otherMetadata = undefined;
  }

  private failure(instanceId: string, why: string, rejections: Map<string, number>): PlacementResult {
    const reasons = [...rejections.entries()].sort((a, b) => b[1] - a[1]);
    const detail = reasons.map(([reason, count]) => `${count} x ${reason}`).join('; ');
    const message = reasons.length === 0 ? why : `No executor can take ${why}: ${detail}`;
    return { ok: false, failure: { instanceId, message, rejections: Object.fromEntries(reasons) } };
  }
}

function describeNeed(need: ResourceNeed): string {
  return `${cpusText(need.cpus)} and ${need.memoryMB} MB on one NUMA node`;
}
