// Concrete resources for one instance: CPUs and memory on exactly one NUMA node of one executor.
export interface Allocation {
  instanceId: string;
  executorId: string;
  nodeId: number;
  cpus: number[];
  memoryMB: number;
}
