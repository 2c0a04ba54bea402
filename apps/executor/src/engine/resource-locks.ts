import { ExecutorCapacity } from '@drove/topology';
import { ExecutorResourceSnapshotJson } from '@drove/domain';
import { ResourceAllocation } from '../containers/container-spec';

export type LockResult = { ok: true } | { ok: false; reason: string };

// The executor's own bookkeeping of which cores and how much memory each instance holds, per NUMA node. A
// START asking for a core already held, a core the executor does not offer, or more memory than is free, is
// refused: the controller's view may be stale, the executor's is the truth.
export class ResourceLocks {
  private readonly coreOwner = new Map<number, string>();
  private readonly held = new Map<string, ResourceAllocation>();

  constructor(private readonly capacity: ExecutorCapacity) {}

  tryLock(owner: string, allocation: ResourceAllocation): LockResult {
    if (this.held.has(owner)) return { ok: false, reason: `Resources for ${owner} are already locked` };
    for (const [node, cores] of Object.entries(allocation.cores)) {
      const offered = this.offeredCores(Number(node));
      for (const core of cores) {
        if (!offered.has(core))
          return { ok: false, reason: `Core ${core} is not offered on NUMA node ${node}` };
        const holder = this.coreOwner.get(core);
        if (holder) return { ok: false, reason: `Core ${core} is already allocated to ${holder}` };
      }
    }
    for (const [node, mb] of Object.entries(allocation.memoryInMB)) {
      const free = this.freeMemory(Number(node));
      if (mb > free) return { ok: false, reason: `${mb} MB asked on NUMA node ${node}, ${free} MB free` };
    }
    for (const core of Object.values(allocation.cores).flat()) this.coreOwner.set(core, owner);
    this.held.set(owner, allocation);
    return { ok: true };
  }

  release(owner: string): void {
    const allocation = this.held.get(owner);
    if (!allocation) return;
    for (const core of Object.values(allocation.cores).flat()) this.coreOwner.delete(core);
    this.held.delete(owner);
  }

  // Drove's ExecutorResourceSnapshot.
  snapshot(executorId: string): ExecutorResourceSnapshotJson {
    const freeCores: Record<string, number[]> = {};
    const usedCores: Record<string, number[]> = {};
    const freeMemory: Record<string, number> = {};
    const usedMemory: Record<string, number> = {};
    const layout: ExecutorResourceSnapshotJson['layout'] = { cores: {}, memory: {} };
    for (const node of this.capacity.nodes) {
      const all = node.coreGroups.flat();
      freeCores[node.id] = all.filter((core) => !this.coreOwner.has(core));
      usedCores[node.id] = all.filter((core) => this.coreOwner.has(core));
      usedMemory[node.id] = node.memoryMB - this.freeMemory(node.id);
      freeMemory[node.id] = this.freeMemory(node.id);
      layout.cores[node.id] = all;
      layout.memory[node.id] = node.memoryMB;
    }
    return {
      executorId,
      cpus: { type: 'CPU', freeCores, usedCores },
      memory: { type: 'MEMORY', freeMemory, usedMemory },
      layout,
    };
  }

  private offeredCores(node: number): Set<number> {
    return new Set(this.capacity.nodes.find((n) => n.id === node)?.coreGroups.flat() ?? []);
  }

  private freeMemory(node: number): number {
    const total = this.capacity.nodes.find((n) => n.id === node)?.memoryMB ?? 0;
    let used = 0;
    for (const allocation of this.held.values()) used += allocation.memoryInMB[node] ?? 0;
    return total - used;
  }
}
