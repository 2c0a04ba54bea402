import { InstanceAggregate, TERMINAL_INSTANCE_STATES } from '@drove/domain';
import { stateOf } from '../projections/instance-queries';
import { GIVE_UP_STATES } from './instance-waits';
import { JOB_DONE, JobResult } from './operation-failures';

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
