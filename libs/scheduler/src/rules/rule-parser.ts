import { BinaryOperator, PathSegment, RuleNode, RuleSyntaxError } from './rule-ast';
import { Dialect, Token, tokenize } from './rule-lexer';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'contains', 'in']);
const KEYWORDS: Record<string, RuleNode> = {
  true: { kind: 'literal', value: true },
  false: { kind: 'literal', value: false },
  null: { kind: 'literal', value: null },
};
const MAX_DEPTH = 64;

// Recursive descent: or -> and -> not -> comparison -> sum -> primary. Nesting is bounded so a hostile rule
// cannot exhaust the stack.
export function parseRule(source: string, dialect: Dialect): RuleNode {
  if (source.trim() === '') throw new RuleSyntaxError('Empty rule', 0);
  const parser = new Parser(tokenize(source, dialect), dialect);
  return parser.rule();
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly dialect: Dialect,
  ) {}

  rule(): RuleNode {
    const node = this.or();
    const next = this.peek();
    if (next.type !== 'end') this.fail(`Unexpected ${describe(next)}`, next);
    return node;
  }

  private or(): RuleNode {
    let node = this.and();
    while (this.accept('||')) node = { kind: 'binary', operator: '||', left: node, right: this.and() };
    return node;
  }

  private and(): RuleNode {
    let node = this.not();
    while (this.accept('&&')) node = { kind: 'binary', operator: '&&', left: node, right: this.not() };
    return node;
  }

  private not(): RuleNode {
    if (this.accept('!')) return this.nested(() => ({ kind: 'not', operand: this.not() }));
    return this.comparison();
  }

  private comparison(): RuleNode {
    const left = this.sum();
    const next = this.peek();
    const operator = next.type === 'symbol' || next.type === 'word' ? next.value : '';
    if (!COMPARISONS.has(operator)) return left;
    this.index++;
    return { kind: 'binary', operator: operator as BinaryOperator, left, right: this.sum() };
  }

  private sum(): RuleNode {
    let node = this.unary();
    for (;;) {
      const operator = this.accept('+') ? '+' : this.accept('-') ? '-' : undefined;
      if (!operator) return node;
      node = { kind: 'binary', operator, left: node, right: this.unary() };
    }
  }

  private unary(): RuleNode {
    if (this.accept('-')) return this.nested(() => ({ kind: 'negate', operand: this.unary() }));
    return this.primary();
  }

  private primary(): RuleNode {
    const token = this.next();
    switch (token.type) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'path':
        return { kind: 'path', segments: token.segments };
      case 'word':
        if (Object.hasOwn(KEYWORDS, token.value)) return KEYWORDS[token.value];
        if (this.dialect === 'MVEL') return this.mvelPath(token.value, token);
        return this.fail(
          `Unknown name '${token.value}' (HOPE reads values through '/pointer' or "$.path")`,
          token,
        );
      case 'symbol':
        if (token.value === '(') return this.nested(() => this.closedBy(')', this.or()));
        if (token.value === '[') return this.nested(() => this.list());
        return this.fail(`Unexpected '${token.value}'`, token);
      case 'end':
        return this.fail('Unexpected end of rule', token);
    }
  }

  private mvelPath(first: string, token: Token): RuleNode {
    const segments: PathSegment[] = [first];
    for (;;) {
      if (this.accept('.')) {
        const name = this.next();
        if (name.type !== 'word') this.fail(`Expected a property name after '.'`, name);
        segments.push(name.value as string);
      } else if (this.accept('[')) {
        const key = this.next();
        if (key.type !== 'string' && key.type !== 'number')
          this.fail('Expected a quoted key or an index', key);
        segments.push(key.value as PathSegment);
        this.closedBy(']', undefined);
      } else if (this.peekSymbol('(')) {
        return this.fail('Method and function calls are not supported', token);
      } else {
        return { kind: 'path', segments };
      }
    }
  }

  private list(): RuleNode {
    const items: RuleNode[] = [];
    if (!this.accept(']')) {
      do items.push(this.or());
      while (this.accept(','));
      this.closedBy(']', undefined);
    }
    return { kind: 'list', items };
  }

  private closedBy<T>(symbol: string, value: T): T {
    const token = this.next();
    if (token.type !== 'symbol' || token.value !== symbol) this.fail(`Expected '${symbol}'`, token);
    return value;
  }

  private nested(build: () => RuleNode): RuleNode {
    if (++this.depth > MAX_DEPTH) this.fail('Rule nests too deeply', this.peek());
    const node = build();
    this.depth--;
    return node;
  }

  private accept(symbol: string): boolean {
    if (!this.peekSymbol(symbol)) return false;
    this.index++;
    return true;
  }

  private peekSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.type === 'symbol' && token.value === symbol;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'end') this.index++;
    return token;
  }

  private fail(message: string, token: Token): never {
    throw new RuleSyntaxError(message, token.at);
  }
}

function describe(token: Token): string {
  return token.type === 'symbol' || token.type === 'word' ? `'${token.value}'` : token.type;
}
