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

  it('sees the same CPUs and NUMA nodes through hwloc as through sysfs', async () => {
    const hwloc = applyExecutorOptions(await discoverTopology({ type: 'HWLOC' }));
    const sysfs = applyExecutorOptions(readSysfsTopology(nodeFileReader));
    expect(hwloc.nodes.map((node) => node.id)).toEqual(sysfs.nodes.map((node) => node.id));
    expect(hwloc.nodes.map((node) => node.coreGroups)).toEqual(sysfs.nodes.map((node) => node.coreGroups));
    expect(hwloc.nodes[0].memoryMB).toBeGreaterThan(0);
  });
});
