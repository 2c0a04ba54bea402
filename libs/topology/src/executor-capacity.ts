// What an executor offers the scheduler once its options are applied: per NUMA node, the CPU ids it may pin
// (grouped by physical core so hyperthread siblings stay together) and the memory it exposes.

export interface NumaNodeCapacity {
  id: number;
  memoryMB: number;
  coreGroups: number[][];
}

export interface ExecutorCapacity {
  nodes: NumaNodeCapacity[];
  // Over-provisioned (virtual) CPU id -> the physical CPU it stands for; identity when not over-provisioned.
  physicalCpu: Record<number, number>;
}

export function cpuCount(node: NumaNodeCapacity): number {
  return node.coreGroups.reduce((sum, group) => sum + group.length, 0);
}
