export type RuleValue = string | number | boolean | null | RuleValue[] | { [key: string]: RuleValue };

export type PathSegment = string | number;

export type RuleNode =
  | { kind: 'literal'; value: RuleValue }
  | { kind: 'path'; segments: PathSegment[] }
  | { kind: 'list'; items: RuleNode[] }
  | { kind: 'not'; operand: RuleNode }
  | { kind: 'negate'; operand: RuleNode }
  | { kind: 'binary'; operator: BinaryOperator; left: RuleNode; right: RuleNode };

export type BinaryOperator =
  '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'in' | '+' | '-';

export class RuleSyntaxError extends Error {
  constructor(message: string, position: number) {
    super(`${message} at position ${position}`);
    this.name = 'RuleSyntaxError';
  }
}
