import {
  findRecent,
  positionsFrom,
  RECENT_IDS,
  withRange,
  withRecent,
  type IndexRange,
  type RecentAppend,
} from './stream-head';

describe('stream head index', () => {
  it('extends the last range when an append runs on, else adds one', () => {
    let index: IndexRange[] = [];
    index = withRange(index, [1, 10, 2]);
    index = withRange(index, [3, 12, 1]);
    index = withRange(index, [4, 20, 3]);
    expect(index).toEqual([
      [1, 10, 3],
      [4, 20, 3],
    ]);
  });

  it.each([
    [
      1,
      [
        [10, 12],
        [20, 22],
      ],
    ],
    [
      3,
      [
        [12, 12],
        [20, 22],
      ],
    ],
    [5, [[21, 22]]],
    [7, []],
  ])('finds the positions of versions from %d', (from, expected) => {
    const index: IndexRange[] = [
      [1, 10, 3],
      [4, 20, 3],
    ];
    expect(positionsFrom(index, from)).toEqual(expected);
  });
});

describe('recent appends of a stream', () => {
  const ids = (prefix: string, count: number): string[] =>
    Array.from({ length: count }, (_, i) => `${prefix}${i}`);

  it('keeps the latest appends up to RECENT_IDS ids, and always the last one', () => {
    let recent: RecentAppend[] = [];
    for (let i = 0; i < 40; i += 1) recent = withRecent(recent, [i + 1, i + 1, [`e${i}`]]);
    expect(recent).toHaveLength(RECENT_IDS);
    expect(recent[recent.length - 1]).toEqual([40, 40, ['e39']]);
    const big = withRecent(recent, [41, 140, ids('b', 100)]);
    expect(big).toEqual([[41, 140, ids('b', 100)]]);
  });

  it('finds an append by its exact ids only', () => {
    const recent: RecentAppend[] = [
      [1, 2, ['a', 'b']],
      [3, 3, ['c']],
    ];
    expect(findRecent(recent, ['a', 'b'])).toEqual([1, 2, ['a', 'b']]);
    expect(findRecent(recent, ['a'])).toBeUndefined();
    expect(findRecent(recent, ['b', 'a'])).toBeUndefined();
  });
});
