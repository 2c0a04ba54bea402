import { PlacementPolicy } from '@drove/domain';
import { ExecutorView } from '../cluster/executor-view';
import { RuleValue } from '../rules/rule-ast';
import { RuleCompiler } from '../rules/rule-compiler';

// What a policy needs besides the executor: the operation's instance count per executor and the rule input.
export interface PolicyScope {
  instancesOn(executorId: string): number;
  ruleInput(executor: ExecutorView): RuleValue;
}

export interface CompiledPolicy {
  // null when the executor passes, else why it does not (a constant text per policy, so failures aggregate).
  check(executor: ExecutorView, scope: PolicyScope): string | null;
  // Drove's admission check looks at tags only; other policies pass there.
  tagEligible(executor: ExecutorView): boolean;
}

// The policy must have passed validatePlacementPolicy.
export function compilePolicy(policy: PlacementPolicy, rules: RuleCompiler): CompiledPolicy {
  switch (policy.type) {
    case 'ANY':
    case 'LOCAL':
      return { check: () => null, tagEligible: () => true };
    case 'ONE_PER_HOST':
      return perHost(1, 'ONE_PER_HOST: an instance is already on this executor');
    case 'MAX_N_PER_HOST':
      return perHost(policy.max, `MAX_N_PER_HOST: ${policy.max} instances already on this executor`);
    case 'MATCH_TAG': {
      const reason = `MATCH_TAG: executor lacks tag "${policy.tag}"`;
      const tagEligible = (executor: ExecutorView): boolean => executor.tags.has(policy.tag);
      return { check: (executor) => (tagEligible(executor) ? null : reason), tagEligible };
    }
    case 'NO_TAG': {
      const reason = 'NO_TAG: executor has tags';
      return {
        check: (executor) => (executor.hasOwnTags ? reason : null),
        tagEligible: (executor) => !executor.hasOwnTags,
      };
    }
    case 'RULE_BASED': {
      const rule = rules.compile(policy.rule, policy.ruleType);
      const reason = `RULE_BASED: ${policy.ruleType} rule is not true for this executor`;
      return {
        check: (executor, scope) => (rule.test(scope.ruleInput(executor)) ? null : reason),
        tagEligible: () => true,
      };
    }
    case 'COMPOSITE':
      return composite(
        policy.policies.map((child) => compilePolicy(child, rules)),
        policy.combiner ?? 'AND',
      );
  }
}

function perHost(max: number, reason: string): CompiledPolicy {
  return {
    check: (executor, scope) => (scope.instancesOn(executor.id) < max ? null : reason),
    tagEligible: () => true,
  };
}

function composite(children: CompiledPolicy[], combiner: 'AND' | 'OR'): CompiledPolicy {
  if (combiner === 'AND') {
    return {
      check: (executor, scope) => {
        for (const child of children) {
          const reason = child.check(executor, scope);
          if (reason !== null) return reason;
        }
        return null;
      },
      tagEligible: (executor) => children.every((child) => child.tagEligible(executor)),
    };
  }
  const reason = 'COMPOSITE(OR): no sub-policy passes';
  return {
    check: (executor, scope) =>
      children.some((child) => child.check(executor, scope) === null) ? null : reason,
    tagEligible: (executor) => children.some((child) => child.tagEligible(executor)),
  };
}
