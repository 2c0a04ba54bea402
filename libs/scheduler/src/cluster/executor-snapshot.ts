import { NumaNodeCapacity } from '@drove/topology';

// The scheduler's input per executor: its capacity model (from @drove/topology) plus what is free right now,
// as the executor last reported it.

export const EXECUTOR_STATES = [
  'ACTIVE',
  'UNREADY',
  'BLACKLIST_REQUESTED',
  'BLACKLISTED',
  'REMOVED',
] as const;
export type ExecutorState = (typeof EXECUTOR_STATES)[number];

export interface NumaNodeResources extends NumaNodeCapacity {
  freeCpus: number[];
  freeMemoryMB: number;
}

export interface ExecutorSnapshot {
  executorId: string;
  hostname: string;
  state: ExecutorState;
  // Configured tags; Drove adds the hostname, which counts as no tag for NO_TAG.
  tags: string[];
  metadata: Record<string, string>;
  nodes: NumaNodeResources[];
}
