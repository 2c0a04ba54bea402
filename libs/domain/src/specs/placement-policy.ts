// The placement policy as it travels in Drove's spec JSON (`placementPolicy`, discriminated by `type`).
// The scheduler evaluates these shapes; the validated DTOs of the spec implement them.

export const PLACEMENT_POLICY_TYPES = [
  'ANY',
  'ONE_PER_HOST',
  'MAX_N_PER_HOST',
  'MATCH_TAG',
  'NO_TAG',
  'RULE_BASED',
  'COMPOSITE',
  'LOCAL',
] as const;
export type PlacementPolicyType = (typeof PLACEMENT_POLICY_TYPES)[number];

export const RULE_TYPES = ['HOPE', 'MVEL'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const POLICY_COMBINERS = ['AND', 'OR'] as const;
export type PolicyCombiner = (typeof POLICY_COMBINERS)[number];

export interface AnyPlacementPolicy {
  type: 'ANY';
}
export interface OnePerHostPlacementPolicy {
  type: 'ONE_PER_HOST';
}
export interface MaxNPerHostPlacementPolicy {
  type: 'MAX_N_PER_HOST';
  max: number;
}
export interface MatchTagPlacementPolicy {
  type: 'MATCH_TAG';
  tag: string;
}
export interface NoTagPlacementPolicy {
  type: 'NO_TAG';
}
export interface RuleBasedPlacementPolicy {
  type: 'RULE_BASED';
  rule: string;
  ruleType: RuleType;
}
export interface CompositePlacementPolicy {
  type: 'COMPOSITE';
  policies: PlacementPolicy[];
  combiner: PolicyCombiner;
}
export interface LocalPlacementPolicy {
  type: 'LOCAL';
  hostLevel: boolean;
}

export type PlacementPolicy =
  | AnyPlacementPolicy
  | OnePerHostPlacementPolicy
  | MaxNPerHostPlacementPolicy
  | MatchTagPlacementPolicy
  | NoTagPlacementPolicy
  | RuleBasedPlacementPolicy
  | CompositePlacementPolicy
  | LocalPlacementPolicy;
