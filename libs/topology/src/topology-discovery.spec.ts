import { fakeSysfs } from './testing/fake-sysfs';
import { CommandRunner } from './system-access';
import { discoverTopology, LSTOPO } from './topology-discovery';
import { fixture } from './testing/test-fixtures';

const missing = Object.assign(new Error('spawn lstopo-no-graphics ENOENT'), { code: 'ENOENT' });
const failing = (error: Error): CommandRunner => ({ run: () => Promise.reject(error) });
const printing = (xml: string, calls: string[][] = []): CommandRunner => ({
  run: (program, args) => {
    calls.push([program, ...args]);
    return Promise.resolve(xml);
  },
});

describe('discoverTopology', () => {
  it('asks lstopo for the machine', async () => {
    const calls: string[][] = [];
    const dependencies = {
      files: fakeSysfs('/sys'),
      commands: printing(fixture('numa2-ht'), calls),
      sysRoot: '/sys',
    };
    const topology = await discoverTopology({ type: 'HWLOC' }, dependencies);
    expect(topology.source).toBe('hwloc');
    expect(calls).toEqual([[LSTOPO, '--of', 'xml']]);
  });

  it('passes a synthetic description to lstopo', async () => {
    const calls: string[][] = [];
    const dependencies = {
      files: fakeSysfs('/sys'),
      commands: printing(fixture('numa4-noht'), calls),
      sysRoot: '/sys',
    };
    const topology = await discoverTopology(
      { type: 'SYNTHETIC', description: 'package:4 [numa] core:2' },
      dependencies,
    );
    expect(topology.nodes).toHaveLength(4);
    expect(calls).toEqual([[LSTOPO, '--of', 'xml', '-i', 'package:4 [numa] core:2']]);
  });

  it('reads an XML file', async () => {
    const files = fakeSysfs('/sys', { '/etc/drove/topology.xml': fixture('numa1-ht') });
    const topology = await discoverTopology(
      { type: 'XML_FILE', path: '/etc/drove/topology.xml' },
      { files, commands: failing(missing), sysRoot: '/sys' },
    );
    expect(topology.nodes[0].cores).toHaveLength(4);
  });

  it('falls back to sysfs when hwloc is not installed', async () => {
    const dependencies = { files: fakeSysfs('/root/sys'), commands: failing(missing), sysRoot: '/root/sys' };
    const topology = await discoverTopology({ type: 'HWLOC' }, dependencies);
    expect(topology.source).toBe('sysfs');
    expect(topology.nodes).toHaveLength(2);
  });

  it('names both sources when neither is there', async () => {
    const dependencies = { files: fakeSysfs('/elsewhere'), commands: failing(missing), sysRoot: '/sys' };
    await expect(discoverTopology({ type: 'HWLOC' }, dependencies)).rejects.toThrow(
      'neither hwloc (lstopo-no-graphics: not installed) nor /sys/devices/system/node is available',
    );
  });

  it('does not fall back when hwloc printed XML that does not parse', async () => {
    const dependencies = { files: fakeSysfs('/sys'), commands: printing('<topology>'), sysRoot: '/sys' };
    await expect(discoverTopology({ type: 'HWLOC' }, dependencies)).rejects.toThrow('Invalid XML');
  });
});
