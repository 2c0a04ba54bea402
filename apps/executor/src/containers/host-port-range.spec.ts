import { HostPortRange } from './host-port-range';

const allFree = async () => true;

describe('HostPortRange', () => {
  it('hands out distinct ports round-robin and never one that is in use', async () => {
    const range = new HostPortRange(20000, 20003, allFree);
    expect(await range.reserve(2)).toEqual([20000, 20001]);
    expect(await range.reserve(1)).toEqual([20002]);
    range.release([20000]);
    expect(await range.reserve(2)).toEqual([20003, 20000]);
    await expect(range.reserve(1)).rejects.toThrow('no 1 free host ports left in 20000-20003');
  });

  it('skips ports another process holds', async () => {
    const range = new HostPortRange(20000, 20005, async (p) => p % 2 === 1);
    expect(await range.reserve(3)).toEqual([20001, 20003, 20005]);
  });

  it('gives back a partial reservation when the range runs out', async () => {
    const range = new HostPortRange(20000, 20002, allFree);
    await expect(range.reserve(4)).rejects.toThrow();
    expect(await range.reserve(3)).toHaveLength(3);
  });

  it('treats ports of recovered containers as in use, ignoring ports outside the range', async () => {
    const range = new HostPortRange(20000, 20002, allFree);
    range.markInUse([20000, 20001, 35000]);
    expect(await range.reserve(1)).toEqual([20002]);
  });

  it.each([
    [0, 10],
    [10, 70000],
    [20, 10],
  ])('refuses the range %i-%i', (from, to) => {
    expect(() => new HostPortRange(from, to, allFree)).toThrow('invalid host port range');
  });
});
