import { ExecutorCapacity, NumaNodeCapacity } from './executor-capacity';
import { Topology, TopologyError } from './topology';

export interface OverProvisioningOptions {
  enabled: boolean;
  cpuMultiplier: number;
  memoryMultiplier: number;
}

// Drove's executor `resources` settings.
export interface ExecutorResourceOptions {
  // CPU ids kept for the OS and never handed to containers.
  osCores?: number[];
  // Share of each node's memory offered to containers, 1..100 (integer MB, truncated as Drove does).
  exposedMemPercentage?: number;
  // Drove's `disableNUMAPinning`: every node merged into node 0.
  disableNumaPinning?: boolean;
  overProvisioning?: OverProvisioningOptions;
}

// Same order as Drove's resource loaders: OS cores and exposed memory, then over-provisioning, then merging.
export function applyExecutorOptions(
  topology: Topology,
  options: ExecutorResourceOptions = {},
): ExecutorCapacity {
  const osCores = new Set(options.osCores ?? []);
  const percentage = options.exposedMemPercentage ?? 100;
  if (!Number.isInteger(percentage) || percentage < 1 || percentage > 100) {
    throw new TopologyError(`exposedMemPercentage must be an integer in 1..100, got ${percentage}`);
  }
  let nodes: NumaNodeCapacity[] = topology.nodes.map((node) => ({
    id: node.id,
    memoryMB: Math.floor((node.memoryMB * percentage) / 100),
    coreGroups: node.cores
      .map((core) => core.cpus.filter((cpu) => !osCores.has(cpu)))
      .filter((group) => group.length > 0),
  }));
  const physicalCpu: Record<number, number> = {};
  const overProvisioning = options.overProvisioning;
  if (overProvisioning?.enabled) {
    nodes = nodes.map((node) => overProvision(node, overProvisioning, physicalCpu));
  } else {
    for (const cpu of nodes.flatMap((node) => node.coreGroups.flat())) physicalCpu[cpu] = cpu;
  }
  return { nodes: options.disableNumaPinning ? [merge(nodes)] : nodes, physicalCpu };
}

function overProvision(
  node: NumaNodeCapacity,
  options: OverProvisioningOptions,
  physicalCpu: Record<number, number>,
): NumaNodeCapacity {
  const { cpuMultiplier, memoryMultiplier } = options;
  if (!Number.isInteger(cpuMultiplier) || cpuMultiplier < 1) {
    throw new TopologyError(
      `overProvisioning.cpuMultiplier must be a positive integer, got ${cpuMultiplier}`,
    );
  }
  if (!(memoryMultiplier >= 1)) {
    throw new TopologyError(`overProvisioning.memoryMultiplier must be at least 1, got ${memoryMultiplier}`);
  }
  // Drove's virtual ids: (cpu + 1) * p + i for i in 1..multiplier, p the first prime above the multiplier,
  // so the ids of different physical CPUs never collide and old allocations keep their meaning.
  const prime = nextPrimeAbove(cpuMultiplier);
  const coreGroups = node.coreGroups.map((group) =>
    group.flatMap((cpu) =>
      Array.from({ length: cpuMultiplier }, (_, i) => {
        const virtual = (cpu + 1) * prime + i + 1;
        physicalCpu[virtual] = cpu;
        return virtual;
      }),
    ),
  );
  return { id: node.id, memoryMB: Math.floor(node.memoryMB * memoryMultiplier), coreGroups };
}

function merge(nodes: NumaNodeCapacity[]): NumaNodeCapacity {
  return {
    id: 0,
    memoryMB: nodes.reduce((sum, node) => sum + node.memoryMB, 0),
    coreGroups: nodes.flatMap((node) => node.coreGroups),
  };
}

function nextPrimeAbove(n: number): number {
  const isPrime = (k: number): boolean => {
    for (let d = 2; d * d <= k; d++) if (k % d === 0) return false;
    return k >= 2;
  };
  let candidate = n + 1;
  while (!isPrime(candidate)) candidate++;
  return candidate;
}
