import { SleepAbortedError, sleep } from '../util/sleep';
import { CheckResult, CheckSpec, Checker } from './check-spec';

// How a run of checks ended: passed, failed for good, or cut short because a stop was requested (the state
// machine then goes to STOPPING instead of a failure state).
export type CheckOutcome =
  { status: 'HEALTHY' } | { status: 'FAILED'; message: string } | { status: 'STOPPED' };

export interface CheckRunOptions {
  signal?: AbortSignal;
  // Recovered containers have been up for a while: Drove skips their initial delay.
  skipInitialDelay?: boolean;
  onResult?: (result: CheckResult) => void;
}

async function stoppable(work: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SleepAbortedError) return { status: 'STOPPED' };
    throw err;
  }
}

// Readiness (UNREADY -> READY) and the first health check (READY -> HEALTHY): wait initialDelay, then up to
// `attempts` checks `interval` apart; the first pass wins.
export function runUntilHealthy(
  checker: Checker,
  spec: CheckSpec,
  options: CheckRunOptions = {},
): Promise<CheckOutcome> {
  const { signal } = options;
  return stoppable(async () => {
    if (!options.skipInitialDelay && spec.initialDelayMs) await sleep(spec.initialDelayMs, signal);
    let last: CheckResult = { healthy: false, message: 'not checked' };
    for (let attempt = 1; attempt <= spec.attempts; attempt++) {
      if (signal?.aborted) return { status: 'STOPPED' };
      last = await checker.check();
      options.onResult?.(last);
      if (last.healthy) return { status: 'HEALTHY' };
      if (attempt < spec.attempts) await sleep(spec.intervalMs, signal);
    }
    return { status: 'FAILED', message: last.healthy ? '' : last.message };
  });
}

// Periodic health of a HEALTHY instance: a check every `interval` (fixed delay), FAILED after `attempts`
// consecutive failures. Drove resets its counter to 0 on success and compares with `>`, so it needs
// attempts + 1 failures in a row; here `attempts` means what the spec says. Runs until failure or stop.
export function monitorHealth(
  checker: Checker,
  spec: CheckSpec,
  options: CheckRunOptions = {},
): Promise<CheckOutcome> {
  const { signal } = options;
  return stoppable(async () => {
    let failures = 0;
    for (;;) {
      await sleep(spec.intervalMs, signal);
      const result = await checker.check();
      if (signal?.aborted) return { status: 'STOPPED' };
      options.onResult?.(result);
      failures = result.healthy ? 0 : failures + 1;
      if (!result.healthy && failures >= spec.attempts) return { status: 'FAILED', message: result.message };
    }
  });
}
