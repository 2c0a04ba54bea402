import { positionsFrom, withRange, type IndexRange } from './stream-head';

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
