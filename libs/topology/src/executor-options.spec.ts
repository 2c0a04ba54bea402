import { applyExecutorOptions } from './executor-options';
import { parseHwlocXml } from './hwloc-xml.parser';
import { fixture } from './testing/test-fixtures';

const twoNodes = parseHwlocXml(fixture('numa2-ht'));
const MEMORY = twoNodes.nodes[0].memoryMB;

describe('applyExecutorOptions', () => {
  it('keeps hyperthread siblings as core groups and every CPU as its own physical CPU by default', () => {
    const capacity = applyExecutorOptions(twoNodes);
    expect(capacity.nodes.map((node) => node.id)).toEqual([0, 1]);
    expect(capacity.nodes[1].coreGroups).toEqual([
      [8, 9],
      [10, 11],
      [12, 13],
      [14, 15],
    ]);
    expect(capacity.nodes[0].memoryMB).toBe(MEMORY);
    expect(capacity.physicalCpu[13]).toBe(13);
  });

  it('removes OS cores, leaving a lone sibling as a smaller group', () => {
    const capacity = applyExecutorOptions(twoNodes, { osCores: [0, 1, 2] });
    expect(capacity.nodes[0].coreGroups).toEqual([[3], [4, 5], [6, 7]]);
    expect(capacity.physicalCpu[0]).toBeUndefined();
  });

  it('exposes a truncated percentage of memory', () => {
    const capacity = applyExecutorOptions(twoNodes, { exposedMemPercentage: 33 });
    expect(capacity.nodes[0].memoryMB).toBe(Math.floor((MEMORY * 33) / 100));
  });

  it('merges all nodes into node 0 when NUMA pinning is off', () => {
    const capacity = applyExecutorOptions(twoNodes, { disableNumaPinning: true });
    expect(capacity.nodes).toHaveLength(1);
    expect(capacity.nodes[0].id).toBe(0);
    expect(capacity.nodes[0].coreGroups).toHaveLength(8);
    expect(capacity.nodes[0].memoryMB).toBe(2 * MEMORY);
  });

  it("over-provisions with Drove's virtual CPU ids, per node, mapped back to physical CPUs", () => {
    const capacity = applyExecutorOptions(twoNodes, {
      overProvisioning: { enabled: true, cpuMultiplier: 2, memoryMultiplier: 1.5 },
    });
    // p = 3: CPU 0 -> 4, 5; CPU 1 -> 7, 8.
    expect(capacity.nodes[0].coreGroups[0]).toEqual([4, 5, 7, 8]);
    expect(capacity.physicalCpu[8]).toBe(1);
    expect(capacity.nodes[0].memoryMB).toBe(Math.floor(MEMORY * 1.5));
    const all = capacity.nodes.flatMap((node) => node.coreGroups.flat());
    expect(new Set(all).size).toBe(32);
    expect(capacity.nodes[1].coreGroups.flat().every((cpu) => capacity.physicalCpu[cpu] >= 8)).toBe(true);
  });

  it.each([
    [{ exposedMemPercentage: 0 }, /exposedMemPercentage/],
    [{ overProvisioning: { enabled: true, cpuMultiplier: 0, memoryMultiplier: 1 } }, /cpuMultiplier/],
    [{ overProvisioning: { enabled: true, cpuMultiplier: 2, memoryMultiplier: 0.5 } }, /memoryMultiplier/],
  ])('rejects %j', (options, message) => {
    expect(() => applyExecutorOptions(twoNodes, options)).toThrow(message);
  });
});
