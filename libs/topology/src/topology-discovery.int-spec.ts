import { applyExecutorOptions } from './executor-options';
import { readSysfsTopology } from './sysfs.reader';
import { nodeFileReader } from './system-access';
import { discoverTopology } from './topology-discovery';

// Real hwloc and the real kernel, on whatever machine runs the tests.
describe('topology discovery on this machine', () => {
  it('describes a synthetic two-socket machine as two NUMA nodes of hyperthreaded cores', async () => {
    const topology = await discoverTopology({
      type: 'SYNTHETIC',
      description: 'package:2 [numa] core:4 pu:2',
    });
    expect(topology.nodes).toHaveLength(2);
    expect(topology.nodes.flatMap((node) => node.cores.map((core) => core.cpus.length))).toEqual(
      Array(8).fill(2),
    );
  });

  it('sees through hwloc the CPUs and NUMA nodes sysfs shows', async () => {
    const hwloc = applyExecutorOptions(await discoverTopology({ type: 'HWLOC' }));
    const sysfs = applyExecutorOptions(readSysfsTopology(nodeFileReader));
    // hwloc leaves out CPUs a cgroup forbids, sysfs lists them all: hwloc's view is a subset.
    for (const node of hwloc.nodes) {
      const sysfsGroups = sysfs.nodes.find((candidate) => candidate.id === node.id)?.coreGroups ?? [];
      const sysfsCpus = new Set(sysfsGroups.flat());
      expect(node.coreGroups.flat().every((cpu) => sysfsCpus.has(cpu))).toBe(true);
    }
    expect(hwloc.nodes.flatMap((node) => node.coreGroups).length).toBeGreaterThan(0);
    expect(hwloc.nodes[0].memoryMB).toBeGreaterThan(0);
  });
});
