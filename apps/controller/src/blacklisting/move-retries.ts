import { ExecutorNodeDataJson, freeCoreCount, freeMemoryInMB } from '@drove/domain';

/** A capacity change re-issues a move at once, but never more often than this: a busy cluster changes often. */
export const MIN_GAP_MS = 10_000;
/** With no capacity change, a move is retried after this, doubling up to MAX_DELAY_MS (not placed: a failed start). */
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 30 * 60_000;

interface Attempt {
  at: number;
  capacity: string;
  delayMs: number;
}

/**
 * What the scheduler could place on: every schedulable executor's state, tags and free cores and memory. Equal
 * fingerprints mean a move that found no room would find none again.
 */
export const capacityFingerprint = (
  executors: readonly ExecutorNodeDataJson[],
  isCordoned: (executorId: string) => boolean,
): string =>
  executors
    .filter((data) => !isCordoned(data.state.executorId))
    .map((data) =>
      [
        data.state.executorId,
        data.executorState ?? 'ACTIVE',
        [...(data.tags ?? [])].sort().join(','),
        freeCoreCount(data.state),
        freeMemoryInMB(data.state),
      ].join(':'),
    )
    .sort()
    .join('|');

/**
 * When to ask again to move an app's instances off an executor being blacklisted. A replace that finds no room
 * ends at once with the instances still there; asking again every pass would fill the log. So a move is asked
 * again only once the capacity changed (room may have appeared: instances move as soon as it does), or after a
 * back-off that doubles while nothing changes.
 */
export class MoveRetries {
  private readonly attempts = new Map<string, Attempt>();

  due(executorId: string, appId: string, capacity: string, now: number): boolean {
    const last = this.attempts.get(keyOf(executorId, appId));
    if (!last) return true;
    if (last.capacity !== capacity) return now - last.at >= MIN_GAP_MS;
    return now - last.at >= last.delayMs;
  }

  asked(executorId: string, appId: string, capacity: string, now: number): void {
    const key = keyOf(executorId, appId);
    const last = this.attempts.get(key);
    const delayMs =
      last && last.capacity === capacity ? Math.min(last.delayMs * 2, MAX_DELAY_MS) : FIRST_DELAY_MS;
    this.attempts.set(key, { at: now, capacity, delayMs });
  }

  /** Nothing of the app is left to move off the executor. */
  moved(executorId: string, appId: string): void {
    this.attempts.delete(keyOf(executorId, appId));
  }

  forget(executorId: string): void {
    for (const key of [...this.attempts.keys()]) {
      if (key.startsWith(`${executorId}\n`)) this.attempts.delete(key);
    }
  }

  clear(): void {
    this.attempts.clear();
  }
}

const keyOf = (executorId: string, appId: string): string => `${executorId}\n${appId}`;
