import { RuleType } from '@drove/domain';
import { RuleNode, RuleValue } from './rule-ast';
import { parseRule } from './rule-parser';
import { evaluateRule } from './rule-evaluator';

export interface CompiledRule {
  source: string;
  ruleType: RuleType;
  test(input: RuleValue): boolean;
}

// Parsed rules by dialect and text, least recently used dropped first (Drove caches 100 compiled rules).
export class RuleCompiler {
  private readonly cache = new Map<string, CompiledRule>();

  constructor(private readonly capacity = 100) {}

  // Throws RuleSyntaxError for a rule that does not parse.
  compile(source: string, ruleType: RuleType): CompiledRule {
    const key = `${ruleType}\u0000${source}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const ast: RuleNode = parseRule(source, ruleType);
    const rule: CompiledRule = { source, ruleType, test: (input) => evaluateRule(ast, input) };
    this.cache.set(key, rule);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    return rule;
  }
}
