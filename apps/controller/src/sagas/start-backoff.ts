/** How long a scale pass whose starts failed waits before the next one: `initialMs * multiplier^(n-1)`, capped. */
export interface StartBackoffSettings {
  initialMs: number;
  maxMs: number;
  multiplier: number;
}

/** Drove's fixed retry, as the first step. */
export const DEFAULT_START_BACKOFF: StartBackoffSettings = { initialMs: 2000, maxMs: 60_000, multiplier: 2 };

/** The wait after the `failures`-th failed pass in a row (0: none). */
export function backoffDelayMs(failures: number, settings: StartBackoffSettings): number {
  if (failures <= 0) return 0;
  const delay = settings.initialMs * settings.multiplier ** (failures - 1);
  return Math.min(settings.maxMs, Math.round(delay));
}

/**
 * Failed scale passes in a row, per app: an app whose instances fail to start (a bad image, a crashing
 * container) is retried ever more slowly instead of every few seconds. A pass whose starts all succeed, or the
 * end of the operation, starts the count again. In memory: a new leader starts from the first step.
 */
export class StartBackoff {
  private readonly failures = new Map<string, number>();

  constructor(private readonly settings: StartBackoffSettings) {}

  /** Records a failed pass; the wait before the next one. */
  failed(appId: string): { failures: number; delayMs: number } {
    const failures = (this.failures.get(appId) ?? 0) + 1;
    this.failures.set(appId, failures);
    return { failures, delayMs: backoffDelayMs(failures, this.settings) };
  }

  reset(appId: string): void {
    this.failures.delete(appId);
  }
}
