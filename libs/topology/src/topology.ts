// The machine as hwloc (or sysfs) describes it, before any executor option is applied.
// CPU ids are the OS indexes of processing units (what `taskset`, cpusets and Drove's "cores" call CPUs).

export interface PhysicalCore {
  // PUs of one physical core: hyperthread siblings share it, so they are kept together.
  cpus: number[];
}

export interface NumaNode {
  id: number;
  memoryMB: number;
  cores: PhysicalCore[];
}

export type TopologySourceKind = 'hwloc' | 'sysfs';

export interface Topology {
  source: TopologySourceKind;
  nodes: NumaNode[];
}

export class TopologyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopologyError';
  }
}

export function sortTopology(nodes: NumaNode[]): NumaNode[] {
  for (const node of nodes) {
    for (const core of node.cores) core.cpus.sort((a, b) => a - b);
    node.cores.sort((a, b) => a.cpus[0] - b.cpus[0]);
  }
  return nodes.sort((a, b) => a.id - b.id);
}
