import { parseLogSize } from './log-size';

describe('parseLogSize', () => {
  it.each([
    ['10m', 10 * 1024 * 1024],
    ['512k', 512 * 1024],
    ['1g', 1024 ** 3],
    ['100', 100],
    ['5MiB', 5 * 1024 * 1024],
    ['1.5K', 1536],
    [' 2 M ', 2 * 1024 * 1024],
  ])('reads %j as %i bytes', (size, bytes) => {
    expect(parseLogSize(size)).toBe(bytes);
  });

  it.each(['', 'm', '10x', '-1m', '0', '10 mb extra'])('refuses %j', (size) => {
    expect(() => parseLogSize(size)).toThrow('invalid log size');
  });
});
