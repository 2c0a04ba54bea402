import { parseCpuList, readSysfsTopology } from './sysfs.reader';
import { fakeSysfs } from './testing/fake-sysfs';

describe('readSysfsTopology', () => {
  it('reads nodes, memory and sibling groups under an injected root', () => {
    expect(readSysfsTopology(fakeSysfs('/fake/sys'), '/fake/sys')).toEqual({
      source: 'sysfs',
      nodes: [
        { id: 0, memoryMB: 4096, cores: [{ cpus: [0, 2] }, { cpus: [1, 3] }] },
        { id: 1, memoryMB: 2048, cores: [{ cpus: [4, 5] }] },
      ],
    });
  });

  it('rejects a node without MemTotal', () => {
    const files = fakeSysfs('/s', { '/s/devices/system/node/node1/meminfo': 'garbage' });
    expect(() => readSysfsTopology(files, '/s')).toThrow('No MemTotal in the meminfo of NUMA node 1');
  });
});

describe('parseCpuList', () => {
  it.each([
    ['0-2,5,7-8', [0, 1, 2, 5, 7, 8]],
    ['\n', []],
  ])('%j', (text, cpus) => expect(parseCpuList(text)).toEqual(cpus));

  it.each(['3-1', 'a', '1,,2'])('rejects %j', (text) =>
    expect(() => parseCpuList(text)).toThrow('Invalid CPU list'),
  );
});
