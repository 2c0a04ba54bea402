import { ResourceLocks } from './resource-locks';

const capacity = {
  nodes: [
    {
      id: 0,
      memoryMB: 1000,
      coreGroups: [
        [0, 1],
        [2, 3],
      ],
    },
    { id: 1, memoryMB: 500, coreGroups: [[4], [5]] },
  ],
  physicalCpu: {},
};

describe('ResourceLocks', () => {
  it('refuses a core already held and frees it on release', () => {
    const locks = new ResourceLocks(capacity);
    expect(locks.tryLock('a', { cores: { 0: [0, 1] }, memoryInMB: { 0: 100 } })).toEqual({ ok: true });
    expect(locks.tryLock('b', { cores: { 0: [1] }, memoryInMB: { 0: 100 } })).toEqual({
      ok: false,
      reason: 'Core 1 is already allocated to a',
    });
    locks.release('a');
    expect(locks.tryLock('b', { cores: { 0: [1] }, memoryInMB: { 0: 100 } })).toEqual({ ok: true });
  });

  it.each([
    ['a core not offered', { cores: { 0: [4] }, memoryInMB: {} }, 'Core 4 is not offered on NUMA node 0'],
    ['too much memory', { cores: {}, memoryInMB: { 1: 501 } }, '501 MB asked on NUMA node 1, 500 MB free'],
  ])('refuses %s', (_name, allocation, reason) => {
    expect(new ResourceLocks(capacity).tryLock('a', allocation)).toEqual({ ok: false, reason });
  });

  it('counts memory across holders and reports a Drove snapshot', () => {
    const locks = new ResourceLocks(capacity);
    locks.tryLock('a', { cores: { 1: [5] }, memoryInMB: { 1: 300 } });
    expect(locks.tryLock('b', { cores: {}, memoryInMB: { 1: 300 } }).ok).toBe(false);
    expect(locks.tryLock('a', { cores: {}, memoryInMB: {} }).ok).toBe(false);
    expect(locks.snapshot('ex')).toEqual({
      executorId: 'ex',
      cpus: { type: 'CPU', freeCores: { 0: [0, 1, 2, 3], 1: [4] }, usedCores: { 0: [], 1: [5] } },
      memory: { type: 'MEMORY', freeMemory: { 0: 1000, 1: 200 }, usedMemory: { 0: 0, 1: 300 } },
      layout: { cores: { 0: [0, 1, 2, 3], 1: [4, 5] }, memory: { 0: 1000, 1: 500 } },
    });
  });
});
