import { FakeExecutor } from '../testing/fake-executor';
import { FIRST_DELAY_MS, MAX_DELAY_MS, MIN_GAP_MS, MoveRetries, capacityFingerprint } from './move-retries';

const NOW = 1_700_000_000_000;

describe('MoveRetries', () => {
  it('asks first at once, then after a doubling, capped back-off while capacity stays the same', () => {
    const retries = new MoveRetries();
    const asks: number[] = [];
    for (let t = 0; t <= 4 * 3600_000; t += 1000) {
      if (!retries.due('e1', 'app', 'same', NOW + t)) continue;
      retries.asked('e1', 'app', 'same', NOW + t);
      asks.push(t / 1000);
    }
    expect(asks.slice(0, 6)).toEqual([0, 60, 180, 420, 900, 1860]);
    expect(asks[asks.length - 1] - asks[asks.length - 2]).toBe(MAX_DELAY_MS / 1000);
  });

  it.each([
    ['capacity changed, past the minimum gap', 'other', MIN_GAP_MS, true],
    ['capacity changed, within the minimum gap', 'other', MIN_GAP_MS - 1, false],
    ['same capacity, within the back-off', 'same', FIRST_DELAY_MS - 1, false],
    ['same capacity, back-off over', 'same', FIRST_DELAY_MS, true],
  ])('%s: due %s', (_name, capacity, after, due) => {
    const retries = new MoveRetries();
    retries.asked('e1', 'app', 'same', NOW);
    expect(retries.due('e1', 'app', capacity, NOW + after)).toBe(due);
  });

  it('starts over for an app moved, an executor forgotten, and keeps executors and apps apart', () => {
    const retries = new MoveRetries();
    retries.asked('e1', 'a', 'same', NOW);
    retries.asked('e1', 'b', 'same', NOW);
    retries.asked('e10', 'a', 'same', NOW);
    retries.moved('e1', 'a');
    expect(retries.due('e1', 'a', 'same', NOW)).toBe(true);
    expect(retries.due('e1', 'b', 'same', NOW)).toBe(false);
    retries.forget('e1');
    expect(retries.due('e1', 'b', 'same', NOW)).toBe(true);
    expect(retries.due('e10', 'a', 'same', NOW)).toBe(false);
  });
});

describe('capacityFingerprint', () => {
  const one = new FakeExecutor('e1', 'h1', 3000);
  const two = new FakeExecutor('e2', 'h2', 3010);
  const data = (executor: FakeExecutor) => executor.snapshotMessage(NOW).nodeData;

  it('leaves cordoned executors out and does not depend on order', () => {
    const fingerprint = capacityFingerprint([data(one), data(two)], (id) => id === 'e1');
    expect(fingerprint).toBe(capacityFingerprint([data(two)], () => false));
    expect(fingerprint).toBe('e2:ACTIVE:h2:8:8192');
    expect(capacityFingerprint([data(two), data(one)], () => false)).toBe(
      capacityFingerprint([data(one), data(two)], () => false),
    );
  });
});
