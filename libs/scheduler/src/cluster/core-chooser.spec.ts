import { chooseCpus } from './core-chooser';
import { NumaNodeView } from './numa-node-view';

// Four 2-thread cores: [0,1] [2,3] [4,5] [6,7].
function node(
  free: number[],
  groups = [
    [0, 1],
    [2, 3],
    [4, 5],
    [6, 7],
  ],
): NumaNodeView {
  return new NumaNodeView({ id: 0, memoryMB: 1024, coreGroups: groups, freeCpus: free, freeMemoryMB: 1024 });
}

describe('chooseCpus', () => {
  it.each([
    ['two CPUs take one whole core', [0, 1, 2, 3, 4, 5, 6, 7], 2, [0, 1]],
    ['one CPU fills a half-used core rather than breaking a whole one', [0, 1, 3, 4, 5, 6, 7], 1, [3]],
    ['two CPUs prefer a whole core over two halves', [1, 3, 4, 5], 2, [4, 5]],
    ['three CPUs take a whole core plus a half-used one', [0, 1, 2, 3, 5], 3, [0, 1, 5]],
    ['four CPUs take two whole cores', [0, 1, 2, 3, 4, 5, 6, 7], 4, [0, 1, 2, 3]],
    ['halves are used when no whole core is left', [1, 3, 5], 2, [1, 3]],
  ])('%s', (_, free, count, expected) => {
    expect(chooseCpus(node(free), count)).toEqual(expected);
  });

  it('breaks the smallest group when only larger ones are left', () => {
    const groups = [
      [0, 1, 2, 3],
      [4, 5],
    ];
    expect(chooseCpus(node([0, 1, 2, 3, 4, 5], groups), 1)).toEqual([4]);
  });

  it('refuses more CPUs than are free', () => {
    expect(() => chooseCpus(node([0, 1]), 3)).toThrow('fewer than 3 free CPUs');
  });
});
