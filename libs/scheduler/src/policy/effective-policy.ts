import { PlacementPolicy } from '@drove/domain';
import { DeployableKind } from './deployable-kind';

// Drove's ControllerUtils#computeEffectivePlacementPolicy: apps and tasks land only on untagged executors
// unless their policy names a tag or a rule; local services use their policy as given.
export function effectivePolicy(policy: PlacementPolicy | undefined, kind: DeployableKind): PlacementPolicy {
  const given = policy ?? { type: 'ANY' };
  if (kind === 'LOCAL_SERVICE' || targetsTagsOrRules(given)) return given;
  return { type: 'COMPOSITE', combiner: 'AND', policies: [given, { type: 'NO_TAG' }] };
}

function targetsTagsOrRules(policy: PlacementPolicy): boolean {
  if (policy.type === 'MATCH_TAG' || policy.type === 'RULE_BASED') return true;
  return policy.type === 'COMPOSITE' && (policy.policies ?? []).some(targetsTagsOrRules);
}
