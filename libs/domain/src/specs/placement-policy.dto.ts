import {
  EnumOf,
  Integer,
  Max,
  Min,
  NotEmpty,
  NotNull,
  Optional,
  PolymorphicOf,
  TypeId,
} from './dto-decorators';
import {
  AnyPlacementPolicy,
  CompositePlacementPolicy,
  LocalPlacementPolicy,
  MatchTagPlacementPolicy,
  MaxNPerHostPlacementPolicy,
  NoTagPlacementPolicy,
  OnePerHostPlacementPolicy,
  POLICY_COMBINERS,
  PolicyCombiner,
  RULE_TYPES,
  RuleBasedPlacementPolicy,
  RuleType,
} from './placement-policy';

export class AnyPlacementPolicyDto implements AnyPlacementPolicy {
  @TypeId()
  type = 'ANY' as const;
}

export class OnePerHostPlacementPolicyDto implements OnePerHostPlacementPolicy {
  @TypeId()
  type = 'ONE_PER_HOST' as const;
}

export class MaxNPerHostPlacementPolicyDto implements MaxNPerHostPlacementPolicy {
  @TypeId()
  type = 'MAX_N_PER_HOST' as const;
  @Integer()
  @Min(1)
  @Max(64)
  max = 0;
}

export class MatchTagPlacementPolicyDto implements MatchTagPlacementPolicy {
  @TypeId()
  type = 'MATCH_TAG' as const;
  @NotEmpty()
  tag!: string;
}

export class NoTagPlacementPolicyDto implements NoTagPlacementPolicy {
  @TypeId()
  type = 'NO_TAG' as const;
}

export class RuleBasedPlacementPolicyDto implements RuleBasedPlacementPolicy {
  @TypeId()
  type = 'RULE_BASED' as const;
  @NotEmpty()
  rule!: string;
  @NotNull()
  @EnumOf(RULE_TYPES, 'RuleType')
  ruleType!: RuleType;
}

export class CompositePlacementPolicyDto implements CompositePlacementPolicy {
  @TypeId()
  type = 'COMPOSITE' as const;
  @NotEmpty()
  @PolymorphicOf('PlacementPolicy', placementPolicyTypes)
  policies!: PlacementPolicyDto[];
  // Drove defaults a missing combiner to AND; `effectiveCombiner` applies that without writing it back.
  @Optional()
  @EnumOf(POLICY_COMBINERS, 'CombinerType')
  combiner!: PolicyCombiner;
}

export class LocalPlacementPolicyDto implements LocalPlacementPolicy {
  @TypeId()
  type = 'LOCAL' as const;
  @Optional()
  hostLevel!: boolean;
}

export type PlacementPolicyDto =
  | AnyPlacementPolicyDto
  | OnePerHostPlacementPolicyDto
  | MaxNPerHostPlacementPolicyDto
  | MatchTagPlacementPolicyDto
  | NoTagPlacementPolicyDto
  | RuleBasedPlacementPolicyDto
  | CompositePlacementPolicyDto
  | LocalPlacementPolicyDto;

// A function so that the composite class can refer to the table that contains it.
export function placementPolicyTypes() {
  return {
    ANY: AnyPlacementPolicyDto,
    ONE_PER_HOST: OnePerHostPlacementPolicyDto,
    MAX_N_PER_HOST: MaxNPerHostPlacementPolicyDto,
    MATCH_TAG: MatchTagPlacementPolicyDto,
    NO_TAG: NoTagPlacementPolicyDto,
    RULE_BASED: RuleBasedPlacementPolicyDto,
    COMPOSITE: CompositePlacementPolicyDto,
    LOCAL: LocalPlacementPolicyDto,
  };
}

export const effectiveCombiner = (policy: CompositePlacementPolicy): PolicyCombiner =>
  policy.combiner ?? 'AND';
