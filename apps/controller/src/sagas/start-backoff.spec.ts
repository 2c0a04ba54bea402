import { DEFAULT_START_BACKOFF, StartBackoff, backoffDelayMs } from './start-backoff';

describe('start back-off', () => {
  it.each([
    [0, 0],
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [5, 32_000],
    [6, 60_000],
    [40, 60_000],
  ])('waits after %i failed passes in a row: %i ms', (failures, delay) => {
    expect(backoffDelayMs(failures, DEFAULT_START_BACKOFF)).toBe(delay);
  });

  it('a multiplier of 1 is a fixed retry', () => {
    const fixed = { initialMs: 500, maxMs: 10_000, multiplier: 1 };
    expect([1, 2, 10].map((n) => backoffDelayMs(n, fixed))).toEqual([500, 500, 500]);
  });

  it('counts per app and starts again after a reset', () => {
    const backoff = new StartBackoff(DEFAULT_START_BACKOFF);
    expect(backoff.failed('a-1')).toEqual({ failures: 1, delayMs: 2000 });
    expect(backoff.failed('a-1')).toEqual({ failures: 2, delayMs: 4000 });
    expect(backoff.failed('b-1')).toEqual({ failures: 1, delayMs: 2000 });
    backoff.reset('a-1');
    expect(backoff.failed('a-1')).toEqual({ failures: 1, delayMs: 2000 });
  });
});
