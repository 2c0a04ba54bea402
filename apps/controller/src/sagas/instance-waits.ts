import { InstanceState } from '@drove/domain';

/** States after which an instance will never become HEALTHY: give up waiting for it. */
export const GIVE_UP_STATES: readonly InstanceState[] = [
  'PROVISIONING_FAILED',
  'START_FAILED',
  'READINESS_CHECK_FAILED',
  'UNHEALTHY',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
  'LOST',
];

export const POLL_MS = 200;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The leader lost its fence mid-operation: the saga stops; the next leader resumes from the log. */
export class LeadershipLostError extends Error {
  constructor() {
    super('leadership lost');
  }
}

/** Runs `work` over `items`, at most `parallelism` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  parallelism: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallelism, queue.length)) }, worker));
}
