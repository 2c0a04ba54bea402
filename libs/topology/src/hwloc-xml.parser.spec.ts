import { parseHwlocXml } from './hwloc-xml.parser';
import { parseHwlocBitmap } from './hwloc-bitmap';
import { fixture } from './testing/test-fixtures';

const GB16 = Math.floor(16e9 / 2 ** 20);

describe('parseHwlocXml', () => {
  it.each([
    ['numa1-noht', 1, 4, 1, GB16],
    ['numa1-ht', 1, 4, 2, GB16],
    ['numa2-noht', 2, 4, 1, Math.floor(32e9 / 2 ** 20)],
    ['numa2-ht', 2, 4, 2, Math.floor(32e9 / 2 ** 20)],
    ['numa2-ht-96pu', 2, 24, 2, Math.floor(128e9 / 2 ** 20)],
    ['numa4-noht', 4, 2, 1, Math.floor(8e9 / 2 ** 20)],
    ['numa4-ht-groups', 4, 2, 2, GB16],
  ])('%s: %i nodes of %i cores with %i PUs each', (name, nodes, cores, pus, memoryMB) => {
    const topology = parseHwlocXml(fixture(name));
    expect(topology.source).toBe('hwloc');
    expect(topology.nodes.map((node) => node.id)).toEqual([...Array(nodes).keys()]);
    for (const node of topology.nodes) {
      expect(node.memoryMB).toBe(memoryMB);
      expect(node.cores).toHaveLength(cores);
      expect(node.cores.every((core) => core.cpus.length === pus)).toBe(true);
    }
    const cpus = topology.nodes.flatMap((node) => node.cores.flatMap((core) => core.cpus));
    expect([...cpus].sort((a, b) => a - b)).toEqual([...Array(nodes * cores * pus).keys()]);
  });

  it('puts cores on the NUMA node that is their sibling under a Group (hwloc 2 memory children)', () => {
    const topology = parseHwlocXml(fixture('numa4-ht-groups'));
    expect(topology.nodes[2]).toEqual({
      id: 2,
      memoryMB: GB16,
      cores: [{ cpus: [8, 9] }, { cpus: [10, 11] }],
    });
  });

  it('reads a real machine with caches between the package and its cores', () => {
    const topology = parseHwlocXml(fixture('host-vm'));
    expect(topology.nodes).toHaveLength(1);
    expect(topology.nodes[0].cores).toEqual([{ cpus: [0] }, { cpus: [1] }]);
    expect(topology.nodes[0].memoryMB).toBe(Math.floor(5463289856 / 2 ** 20));
  });

  it('leaves out PUs outside the allowed cpuset (cgroup-restricted executors)', () => {
    const xml = fixture('numa1-ht').replace('allowed_cpuset="0x000000ff"', 'allowed_cpuset="0x0000003f"');
    const topology = parseHwlocXml(xml);
    expect(topology.nodes[0].cores.map((core) => core.cpus)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it('reads hwloc 1.x XML where the NUMA node is the parent of its cores', () => {
    const xml = `<?xml version="1.0"?><topology>
      <object type="Machine" os_index="0" cpuset="0x3">
        <object type="NUMANode" os_index="3" cpuset="0x3" local_memory="1048576">
          <object type="Core" os_index="0" cpuset="0x3">
            <object type="PU" os_index="0" cpuset="0x1"/><object type="PU" os_index="1" cpuset="0x2"/>
          </object>
        </object>
      </object></topology>`;
    expect(parseHwlocXml(xml).nodes).toEqual([{ id: 3, memoryMB: 1, cores: [{ cpus: [0, 1] }] }]);
  });

  it.each([
    ['truncated XML', fixture('numa2-ht').slice(0, 2000), /Invalid XML/],
    ['mismatched tags', '<topology><object type="Machine"></topology>', /closes <object>/],
    ['another root', '<html></html>', /root element <html>/],
    ['no NUMA node', '<topology><object type="Machine" cpuset="0x1"/></topology>', /no NUMANode/],
    [
      'a bad bitmap',
      fixture('numa1-ht').replace(/(NUMANode" os_index="0") cpuset="[^"]*"/, '$1 cpuset="ff"'),
      /Invalid hwloc bitmap/,
    ],
    [
      'a bad memory size',
      fixture('numa1-ht').replace('local_memory="16000000000"', 'local_memory="16G"'),
      /local_memory/,
    ],
    ['an unknown entity', '<topology a="&nbsp;"></topology>', /unknown entity/],
  ])('rejects %s', (_, xml, message) => {
    expect(() => parseHwlocXml(xml)).toThrow(message);
  });
});

describe('parseHwlocBitmap', () => {
  it('reads multi-word bitmaps least significant word last', () => {
    expect([...parseHwlocBitmap('0x00000001,0x80000000')]).toEqual([31, 32]);
  });
});
