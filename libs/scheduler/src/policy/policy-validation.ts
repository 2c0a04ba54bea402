import { PlacementPolicy, POLICY_COMBINERS, RULE_TYPES } from '@drove/domain';
import { RuleCompiler } from '../rules/rule-compiler';
import { DeployableKind } from './deployable-kind';

const LOCAL_NOT_ALLOWED: Record<DeployableKind, string | undefined> = {
  APPLICATION: 'Local service placement is not allowed for apps',
  TASK: 'Local service placement is not allowed for tasks',
  LOCAL_SERVICE: undefined,
};

// Every problem with a placement policy as a validation message; an empty list means it can be compiled.
export function validatePlacementPolicy(
  policy: PlacementPolicy,
  kind: DeployableKind,
  rules: RuleCompiler,
): string[] {
  const problems: string[] = [];
  visit(policy, kind, rules, problems);
  return problems;
}

function visit(policy: PlacementPolicy, kind: DeployableKind, rules: RuleCompiler, problems: string[]): void {
  switch (policy.type) {
    case 'ANY':
    case 'ONE_PER_HOST':
    case 'NO_TAG':
      return;
    case 'MAX_N_PER_HOST':
      if (!Number.isInteger(policy.max) || policy.max < 1 || policy.max > 64) {
        problems.push(`MAX_N_PER_HOST max must be an integer in 1..64, got ${policy.max}`);
      }
      return;
    case 'MATCH_TAG':
      if (typeof policy.tag !== 'string' || policy.tag === '')
        problems.push('MATCH_TAG tag must not be empty');
      return;
    case 'RULE_BASED':
      return visitRule(policy.rule, policy.ruleType, rules, problems);
    case 'COMPOSITE':
      if (policy.combiner !== undefined && !POLICY_COMBINERS.includes(policy.combiner)) {
        problems.push(`COMPOSITE combiner must be AND or OR, got ${policy.combiner}`);
      }
      if (!Array.isArray(policy.policies) || policy.policies.length === 0) {
        problems.push('COMPOSITE policies must not be empty');
        return;
      }
      for (const child of policy.policies) visit(child, kind, rules, problems);
      return;
    case 'LOCAL': {
      const problem = LOCAL_NOT_ALLOWED[kind];
      if (problem) problems.push(problem);
      return;
    }
    default:
      problems.push(`Unknown placement policy type ${(policy as { type: unknown }).type}`);
  }
}

function visitRule(rule: string, ruleType: string, rules: RuleCompiler, problems: string[]): void {
  if (!RULE_TYPES.includes(ruleType as never)) {
    problems.push(`RULE_BASED ruleType must be HOPE or MVEL, got ${ruleType}`);
  } else if (typeof rule !== 'string' || rule.trim() === '') {
    problems.push('RULE_BASED rule must not be empty');
  } else {
    try {
      rules.compile(rule, ruleType as 'HOPE' | 'MVEL');
    } catch (error) {
      problems.push(`Invalid ${ruleType} placement rule: ${(error as Error).message}`);
    }
  }
}
