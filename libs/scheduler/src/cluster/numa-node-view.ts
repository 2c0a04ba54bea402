import { NumaNodeResources } from './executor-snapshot';

// One NUMA node of one executor: CPUs in sibling groups with a free bit per CPU, and free memory.
// Group size is bounded by 31 (bit masks); real cores have 1, 2, 4 or 8 threads.

export class NumaNodeView {
  readonly id: number;
  readonly groups: number[][];
  readonly freeMasks: number[];
  readonly totalCpus: number;
  readonly totalMemoryMB: number;
  freeCpus = 0;
  freeMemoryMB: number;
  private readonly location = new Map<number, number>();

  constructor(resources: NumaNodeResources) {
    this.id = resources.id;
    this.groups = resources.coreGroups.map((group) => [...group].sort((a, b) => a - b));
    this.totalMemoryMB = resources.memoryMB;
    this.freeMemoryMB = resources.freeMemoryMB;
    this.groups.forEach((group, g) => {
      if (group.length > 31) throw new Error(`Core group of ${group.length} CPUs is too large`);
      group.forEach((cpu, bit) => this.location.set(cpu, g * 32 + bit));
    });
    this.totalCpus = this.location.size;
    this.freeMasks = this.groups.map(() => 0);
    for (const cpu of resources.freeCpus) this.setFree(cpu, true);
  }

  has(cpu: number): boolean {
    return this.location.has(cpu);
  }

  isFree(cpu: number): boolean {
    const at = this.location.get(cpu);
    return at !== undefined && (this.freeMasks[at >> 5] & (1 << (at & 31))) !== 0;
  }

  // Marks CPUs taken or free again; the caller has checked they belong to this node.
  setFree(cpu: number, free: boolean): void {
    const at = this.location.get(cpu);
    if (at === undefined) throw new Error(`CPU ${cpu} is not on NUMA node ${this.id}`);
    const group = at >> 5;
    const bit = 1 << (at & 31);
    const wasFree = (this.freeMasks[group] & bit) !== 0;
    if (wasFree === free) return;
    this.freeMasks[group] ^= bit;
    this.freeCpus += free ? 1 : -1;
  }

  freeInGroup(group: number): number {
    return popcount(this.freeMasks[group]);
  }
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
