import { parseHwlocBitmap } from './hwloc-bitmap';
import { NumaNode, PhysicalCore, Topology, TopologyError, sortTopology } from './topology';
import { parseXml } from './xml/xml-parser';
import { XmlElement } from './xml/xml-element';

// lstopo XML (hwloc 1.x and 2.x) -> Topology. A PU belongs to the NUMA node whose cpuset holds it: in hwloc 2
// a NUMANode is a memory child of its Package or Group rather than the parent of the cores, so the tree shape
// alone does not say which node a core is on.

const MB = 1024 * 1024;

interface Collected {
  numa: XmlElement[];
  cores: XmlElement[][];
}

export function parseHwlocXml(xml: string): Topology {
  const root = parseXml(xml);
  if (root.name !== 'topology') throw new TopologyError(`Not an hwloc topology: root element <${root.name}>`);
  const machine = root.children.find((child) => child.name === 'object');
  if (!machine) throw new TopologyError('hwloc topology has no root object');
  const allowed = optionalBitmap(machine, 'allowed_cpuset');
  const collected: Collected = { numa: [], cores: [] };
  collect(machine, collected);
  if (collected.numa.length === 0) throw new TopologyError('hwloc topology has no NUMANode');

  const nodes = collected.numa.map((numa) => toNode(numa));
  const cpusets = collected.numa.map((numa) => parseHwlocBitmap(requireAttribute(numa, 'cpuset')));
  for (const pus of collected.cores) {
    const cpus = pus.map((pu) => osIndex(pu)).filter((cpu) => allowed === undefined || allowed.has(cpu));
    if (cpus.length === 0) continue;
    const owner = cpusets.findIndex((cpuset) => cpuset.has(cpus[0]));
    if (owner < 0) throw new TopologyError(`PU ${cpus[0]} is not in any NUMA node's cpuset`);
    if (cpus.some((cpu) => !cpusets[owner].has(cpu))) {
      throw new TopologyError(`Core with PUs ${cpus.join(',')} spans NUMA nodes`);
    }
    nodes[owner].cores.push({ cpus } satisfies PhysicalCore);
  }
  return { source: 'hwloc', nodes: sortTopology(nodes) };
}

function collect(object: XmlElement, into: Collected): void {
  for (const child of object.children) {
    if (child.name !== 'object') continue;
    const type = requireAttribute(child, 'type');
    if (type === 'Core') into.cores.push(pusOf(child));
    // A PU outside any Core (hwloc could not see cores) is a core of its own.
    else if (type === 'PU') into.cores.push([child]);
    else {
      if (type === 'NUMANode') into.numa.push(child);
      collect(child, into);
    }
  }
}

function pusOf(core: XmlElement): XmlElement[] {
  const pus: XmlElement[] = [];
  const walk = (object: XmlElement): void => {
    for (const child of object.children) {
      if (child.name !== 'object') continue;
      if (child.attributes['type'] === 'PU') pus.push(child);
      else walk(child);
    }
  };
  walk(core);
  return pus;
}

function toNode(numa: XmlElement): NumaNode {
  const memory = numa.attributes['local_memory'];
  if (memory !== undefined && !/^\d+$/.test(memory)) {
    throw new TopologyError(`NUMANode has an invalid local_memory "${memory}"`);
  }
  return {
    id: osIndex(numa),
    memoryMB: memory === undefined ? 0 : Math.floor(Number(memory) / MB),
    cores: [],
  };
}

function osIndex(object: XmlElement): number {
  const value = requireAttribute(object, 'os_index');
  if (!/^\d+$/.test(value))
    throw new TopologyError(`${object.attributes['type']} has an invalid os_index "${value}"`);
  return Number(value);
}

function optionalBitmap(object: XmlElement, attribute: string): Set<number> | undefined {
  const value = object.attributes[attribute];
  return value === undefined ? undefined : parseHwlocBitmap(value);
}

function requireAttribute(object: XmlElement, attribute: string): string {
  const value = object.attributes[attribute];
  if (value === undefined) {
    throw new TopologyError(`hwloc ${object.attributes['type'] ?? object.name} object lacks ${attribute}`);
  }
  return value;
}
