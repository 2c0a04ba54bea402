import { InstanceAggregate, TERMINAL_INSTANCE_STATES } from '@drove/domain';
import { stateOf } from '../projections/instance-queries';
import { GIVE_UP_STATES } from './instance-waits';
import { JOB_DONE, JobResult, replacePair } from './operation-failures';

/** The jobs a REPLACE pair is made of, for apps and local services alike. */
export interface PairJobs {
  stop(instanceId: string): Promise<JobResult>;
  /** Every instance of the owner the log knows of, read when the pair's start comes up. */
  all(): readonly InstanceAggregate[];
  awaitStarted(instance: InstanceAggregate): Promise<boolean>;
  /** Starts a replacement for `old`, recording `replaces`. */
  start(old: InstanceAggregate): Promise<JobResult>;
}

/** One pair resumed from where the log shows it: its stop and its new half, in the operation's order. */
export function runPair(old: InstanceAggregate, stopFirst: boolean, jobs: PairJobs): Promise<JobResult> {
  const oldId = old.instanceId as string;
  return replacePair(
    oldId,
    stopFirst,
    () => jobs.stop(oldId),
    () =>
      ensureReplacement(
        old,
        () => jobs.all(),
        (i) => jobs.awaitStarted(i),
        () => jobs.start(old),
      ),
  );
}

/**
 * The pairs of a REPLACE still to do, as the log shows them: each listed instance still running, and with
 * stopFirst each one this operation stopped (`stopRequested`) whose replacement is not HEALTHY yet. A new leader
 * thus resumes a stopFirst pair whose old instance is already gone instead of skipping it. Started first, an old
 * instance is stopped only once its replacement is HEALTHY, so a gone one is a finished pair (or died by itself,
 * which the monitor handles after the operation, as before it began).
 */
export function pairsToRun(
  listed: readonly (InstanceAggregate | undefined)[],
  all: readonly InstanceAggregate[],
  stopFirst: boolean,
  running: (instance: InstanceAggregate) => boolean,
): InstanceAggregate[] {
  return listed.filter((old): old is InstanceAggregate => {
    if (!old) return false;
    if (running(old)) return true;
    return stopFirst && old.stopRequested && !replacementsOf(old, all).some((i) => i.state === 'HEALTHY');
  });
}

/** Instances a REPLACE started for `old`, by this leader or an earlier one (each retry has its own id). */
export const replacementsOf = (old: InstanceAggregate, all: readonly InstanceAggregate[]) =>
  all.filter((i) => i.replaces !== undefined && i.replaces === old.instanceId);

/**
 * The new half of a pair, exactly once across leaders: done if a replacement is HEALTHY already; a replacement
 * still on its way (a previous leader's start) is waited for, within what is left of its start timeout; only
 * if there is none, or it never became HEALTHY, is a new one started.
 */
export async function ensureReplacement(
  old: InstanceAggregate,
  all: () => readonly InstanceAggregate[],
  awaitStarted: (instance: InstanceAggregate) => Promise<boolean>,
  start: () => Promise<JobResult>,
): Promise<JobResult> {
  const replacements = replacementsOf(old, all());
  if (replacements.some((i) => i.state === 'HEALTHY')) return JOB_DONE;
  const pending = replacements.filter((i) => {
    const state = stateOf(i);
    return !GIVE_UP_STATES.includes(state) && !TERMINAL_INSTANCE_STATES.includes(state);
  });
  for (const instance of pending) if (await awaitStarted(instance)) return JOB_DONE;
  return start();
}
