import { PlacementPolicy } from '@drove/domain';

/** A LOCAL policy with `hostLevel` (alone or inside a COMPOSITE): instances run on the host's network. */
export const hostLevelOf = (policy: PlacementPolicy | undefined): boolean => {
  if (policy?.type === 'LOCAL') return policy.hostLevel;
  return policy?.type === 'COMPOSITE' ? policy.policies.some(hostLevelOf) : false;
};
