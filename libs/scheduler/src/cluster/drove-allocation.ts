import { Allocation } from './allocation';

// An allocation as Drove's START_INSTANCE/START_TASK messages carry it (`resources` of the instance spec).
export type DroveResourceAllocation =
  { type: 'CPU'; cores: Record<string, number[]> } | { type: 'MEMORY'; memoryInMB: Record<string, number> };

export function toDroveResourceAllocations(allocation: Allocation): DroveResourceAllocation[] {
  const node = String(allocation.nodeId);
  return [
    { type: 'CPU', cores: { [node]: [...allocation.cpus] } },
    { type: 'MEMORY', memoryInMB: { [node]: allocation.memoryMB } },
  ];
}
