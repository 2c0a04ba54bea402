// Resources as they travel in Drove's spec JSON (`resources`, discriminated by `type`).

export const RESOURCE_TYPES = ['CPU', 'MEMORY'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface CpuRequirement {
  type: 'CPU';
  count: number;
}
export interface MemoryRequirement {
  type: 'MEMORY';
  sizeInMB: number;
}
export type ResourceRequirement = CpuRequirement | MemoryRequirement;
