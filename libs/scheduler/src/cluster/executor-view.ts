import { Allocation } from './allocation';
import { ExecutorSnapshot, ExecutorState } from './executor-snapshot';
import { NumaNodeView } from './numa-node-view';

// The scheduler's mutable picture of one executor: last report plus the soft allocations made since.
export class ExecutorView {
  readonly id: string;
  readonly hostname: string;
  readonly state: ExecutorState;
  readonly tags: ReadonlySet<string>;
  // Drove: the hostname is a tag of every executor, but only other tags take it out of NO_TAG placement.
  readonly hasOwnTags: boolean;
  readonly metadata: Readonly<Record<string, string>>;
  readonly nodes: NumaNodeView[];
  readonly totalCpus: number;
  readonly totalMemoryMB: number;

  constructor(snapshot: ExecutorSnapshot) {
    this.id = snapshot.executorId;
    this.hostname = snapshot.hostname;
    this.state = snapshot.state;
    this.tags = new Set([...snapshot.tags, snapshot.hostname]);
    this.hasOwnTags = snapshot.tags.some((tag) => tag !== snapshot.hostname);
    this.metadata = snapshot.metadata;
    this.nodes = snapshot.nodes.map((node) => new NumaNodeView(node));
    this.totalCpus = this.nodes.reduce((sum, node) => sum + node.totalCpus, 0);
    this.totalMemoryMB = this.nodes.reduce((sum, node) => sum + node.totalMemoryMB, 0);
  }

  freeCpus(): number {
    let free = 0;
    for (const node of this.nodes) free += node.freeCpus;
    return free;
  }

  freeMemoryMB(): number {
    let free = 0;
    for (const node of this.nodes) free += node.freeMemoryMB;
    return free;
  }

  node(id: number): NumaNodeView | undefined {
    return this.nodes.find((node) => node.id === id);
  }

  // True when every CPU of the allocation is free here (the executor has not locked it yet).
  canTake(allocation: Allocation): boolean {
    const node = this.node(allocation.nodeId);
    return (
      node !== undefined &&
      node.freeMemoryMB >= allocation.memoryMB &&
      allocation.cpus.every((cpu) => node.isFree(cpu))
    );
  }

  take(allocation: Allocation): void {
    this.mark(allocation, false);
  }

  release(allocation: Allocation): void {
    this.mark(allocation, true);
  }

  private mark(allocation: Allocation, free: boolean): void {
    const node = this.node(allocation.nodeId);
    if (!node) throw new Error(`Executor ${this.id} has no NUMA node ${allocation.nodeId}`);
    for (const cpu of allocation.cpus) node.setFree(cpu, free);
    node.freeMemoryMB += free ? allocation.memoryMB : -allocation.memoryMB;
  }
}
