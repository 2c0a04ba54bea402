import { CheckSpec } from './check-spec';
import { monitorHealth, runUntilHealthy } from './check-runner';
import { ScriptedChecker } from './scripted-checker.fixture';

const spec = (overrides: Partial<CheckSpec> = {}): CheckSpec => ({
  mode: { type: 'CMD', command: 'true' },
  timeoutMs: 100,
  intervalMs: 20,
  attempts: 3,
  ...overrides,
});

describe('runUntilHealthy (readiness and the first health check)', () => {
  it.each([
    [[true], 1, 'HEALTHY'],
    [[false, false, true], 3, 'HEALTHY'],
    [[false], 3, 'FAILED'],
  ] as const)('with answers %j checks %i times and ends %s', async (script, calls, status) => {
    const checker = new ScriptedChecker([...script]);
    const outcome = await runUntilHealthy(checker, spec());
    expect(outcome.status).toBe(status);
    expect(checker.calls).toBe(calls);
  });

  it('reports the last failure and spaces attempts by the interval', async () => {
    const checker = new ScriptedChecker([false]);
    expect(await runUntilHealthy(checker, spec({ intervalMs: 40 }))).toEqual({
      status: 'FAILED',
      message: 'failure 3',
    });
    const [a = 0, b = 0, c = 0] = checker.callTimes;
    expect(b - a).toBeGreaterThanOrEqual(35);
    expect(c - b).toBeGreaterThanOrEqual(35);
  });

  it('waits the initial delay first, unless the container was recovered', async () => {
    const begun = Date.now();
    const checker = new ScriptedChecker([true]);
    await runUntilHealthy(checker, spec({ initialDelayMs: 100 }));
    expect((checker.callTimes[0] ?? 0) - begun).toBeGreaterThanOrEqual(95);
    const recovered = new ScriptedChecker([true]);
    const again = Date.now();
    await runUntilHealthy(recovered, spec({ initialDelayMs: 5000 }), { skipInitialDelay: true });
    expect((recovered.callTimes[0] ?? 0) - again).toBeLessThan(1000);
  });

  it('ends STOPPED when a stop is requested during the delay or between attempts', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 30);
    const checker = new ScriptedChecker([false]);
    const outcome = await runUntilHealthy(checker, spec({ initialDelayMs: 10, intervalMs: 1000 }), {
      signal: stop.signal,
    });
    expect(outcome).toEqual({ status: 'STOPPED' });
    expect(checker.calls).toBe(1);
  });
});

describe('monitorHealth (a HEALTHY instance)', () => {
  it('fails after exactly `attempts` consecutive failures, a success resetting the count', async () => {
    const checker = new ScriptedChecker([true, false, false, true, false, false, false, true]);
    const results: boolean[] = [];
    const outcome = await monitorHealth(checker, spec(), { onResult: (r) => results.push(r.healthy) });
    expect(outcome).toEqual({ status: 'FAILED', message: 'failure 7' });
    expect(results).toEqual([true, false, false, true, false, false, false]);
  });

  it('runs until stopped while healthy', async () => {
    const stop = new AbortController();
    const checker = new ScriptedChecker([true]);
    const onResult = () => checker.calls === 3 && stop.abort();
    expect(await monitorHealth(checker, spec(), { signal: stop.signal, onResult })).toEqual({
      status: 'STOPPED',
    });
    expect(checker.calls).toBe(3);
  });
});
