import { ContainerRuntime } from '../runtime/container-runtime.port';
import { sleep } from '../util/sleep';
import { CheckMode, CheckResult, PreShutdownSpec } from './check-spec';
import { CheckTarget, CheckerFactory } from './checker-factory';

// Drove's retry of an HTTP pre-shutdown hook: 1 s per request, every 3 s, at most 5 tries.
export interface HookRetryPolicy {
  requestTimeoutMs: number;
  intervalMs: number;
  attempts: number;
}

export const DROVE_HOOK_RETRY: HookRetryPolicy = { requestTimeoutMs: 1000, intervalMs: 3000, attempts: 5 };

export interface HookOutcome {
  hook: CheckMode;
  result: CheckResult;
  tries: number;
}

async function runHook(
  hook: CheckMode,
  target: CheckTarget,
  checkers: CheckerFactory,
  retry: HookRetryPolicy,
): Promise<HookOutcome> {
  // Drove always runs CMD hooks through a shell, whatever shellDisabled says.
  const mode: CheckMode = hook.type === 'CMD' ? { ...hook, shellDisabled: false } : hook;
  const checker = checkers(mode, target, retry.requestTimeoutMs);
  const attempts = hook.type === 'HTTP' ? retry.attempts : 1;
  let result: CheckResult = { healthy: false, message: 'not run' };
  for (let tries = 1; tries <= attempts; tries++) {
    result = await checker.check();
    if (result.healthy || tries === attempts) return { hook, result, tries };
    await sleep(retry.intervalMs);
  }
  return { hook, result, tries: attempts };
}

export interface ShutdownOptions {
  preShutdown?: PreShutdownSpec;
  // `docker stop` grace before SIGKILL.
  stopGraceSeconds: number;
  retry?: HookRetryPolicy;
}

// Drove's STOPPING step up to the container stop: pre-shutdown hooks one after another (a failing hook does not
// block the stop, it is only reported), then waitBeforeKill, then stop. Removal is DEPROVISIONING's job.
export async function shutdownInstance(
  runtime: ContainerRuntime,
  target: CheckTarget,
  checkers: CheckerFactory,
  options: ShutdownOptions,
): Promise<HookOutcome[]> {
  const outcomes: HookOutcome[] = [];
  for (const hook of options.preShutdown?.hooks ?? []) {
    outcomes.push(await runHook(hook, target, checkers, options.retry ?? DROVE_HOOK_RETRY));
  }
  const wait = options.preShutdown?.waitBeforeKillMs ?? 0;
  if (wait > 0) await sleep(wait);
  await runtime.stop(target.containerId, options.stopGraceSeconds);
  return outcomes;
}
