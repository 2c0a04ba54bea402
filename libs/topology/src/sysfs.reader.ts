import { FileReader } from './system-access';
import { NumaNode, Topology, TopologyError, sortTopology } from './topology';

// The fallback when hwloc is missing: /sys/devices/system/node/node<N>/{cpulist,meminfo}, with hyperthread
// siblings from /sys/devices/system/cpu/cpu<X>/topology/thread_siblings_list.

export const SYSFS_NODE_DIR = 'devices/system/node';

export function readSysfsTopology(files: FileReader, sysRoot = '/sys'): Topology {
  const nodeDir = `${sysRoot}/${SYSFS_NODE_DIR}`;
  const nodeIds = files
    .list(nodeDir)
    .map((entry) => /^node(\d+)$/.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
  if (nodeIds.length === 0) throw new TopologyError(`${nodeDir} lists no NUMA node`);
  const nodes = nodeIds.map((id): NumaNode => ({
    id,
    memoryMB: memTotalMB(files.readText(`${nodeDir}/node${id}/meminfo`), id),
    cores: [],
  }));
  for (const node of nodes) {
    const cpus = new Set(parseCpuList(files.readText(`${nodeDir}/node${node.id}/cpulist`)));
    const seen = new Set<number>();
    for (const cpu of [...cpus].sort((a, b) => a - b)) {
      if (seen.has(cpu)) continue;
      const siblings = siblingsOf(files, sysRoot, cpu).filter((sibling) => cpus.has(sibling));
      siblings.forEach((sibling) => seen.add(sibling));
      node.cores.push({ cpus: siblings });
    }
  }
  return { source: 'sysfs', nodes: sortTopology(nodes) };
}

function siblingsOf(files: FileReader, sysRoot: string, cpu: number): number[] {
  const path = `${sysRoot}/devices/system/cpu/cpu${cpu}/topology/thread_siblings_list`;
  const siblings = files.exists(path) ? parseCpuList(files.readText(path)) : [];
  return siblings.includes(cpu) ? siblings : [cpu];
}

function memTotalMB(meminfo: string, node: number): number {
  const match = /^Node \d+ MemTotal:\s+(\d+) kB$/m.exec(meminfo);
  if (!match) throw new TopologyError(`No MemTotal in the meminfo of NUMA node ${node}`);
  return Math.floor(Number(match[1]) / 1024);
}

// Kernel CPU lists: "0-3,8,10-11"; an empty list is a memory-only node.
export function parseCpuList(text: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(',').flatMap((range) => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!match) throw new TopologyError(`Invalid CPU list "${trimmed}"`);
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) throw new TopologyError(`Invalid CPU list "${trimmed}"`);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  });
}
