import { Duration } from '../common/duration';
import { ClusterOpSpecJson } from '../common/wire-types';
import { PlacementPolicy } from './placement-policy';

// Values Drove derives from a spec at run time, kept out of the DTOs so that specs round-trip unchanged.

const targetsTags = (policy: PlacementPolicy): boolean =>
  policy.type === 'MATCH_TAG' ||
  policy.type === 'RULE_BASED' ||
  (policy.type === 'COMPOSITE' && policy.policies.some(targetsTags));

// Drove's computeEffectivePlacementPolicy: apps and tasks default to ANY and, unless they target tags or rules,
// only land on untagged executors (the policy is AND-ed with NO_TAG). Local services use theirs as is.
export const effectivePlacementPolicy = (
  policy: PlacementPolicy | undefined,
  forLocalService = false,
): PlacementPolicy => {
  const given = policy ?? { type: 'ANY' };
  if (forLocalService || targetsTags(given)) return given;
  return { type: 'COMPOSITE', policies: [given, { type: 'NO_TAG' }], combiner: 'AND' };
};

interface CheckJson {
  timeout: string;
  interval: string;
  attempts: number;
  initialDelay?: string;
}

const ms = (text: string | undefined): number => (text ? (Duration.parse(text)?.toMillis() ?? 0) : 0);

// T(check) = initialDelay + attempts x (timeout + interval)
export const checkBudgetMs = (check: CheckJson): number =>
  ms(check.initialDelay) + check.attempts * (ms(check.timeout) + ms(check.interval));

// How long a start may take (section 2.5): at least the pull timeout plus both check budgets (tasks: the pull
// timeout), and never less than the operation's own timeout.
export const startTimeoutMs = (
  opSpec: ClusterOpSpecJson,
  spec: { executable: { dockerPullTimeout: string }; healthcheck?: unknown; readiness?: unknown },
): number => {
  const checks = [spec.healthcheck, spec.readiness].filter((c): c is CheckJson => !!c);
  const minimum =
    ms(spec.executable.dockerPullTimeout) + checks.reduce((sum, c) => sum + checkBudgetMs(c), 0);
  return Math.max(ms(opSpec.timeout), minimum);
};

export const stopTimeoutMs = (opSpec: ClusterOpSpecJson): number => ms(opSpec.timeout);
