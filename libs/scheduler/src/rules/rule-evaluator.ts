import { PathSegment, RuleNode, RuleValue } from './rule-ast';

// Evaluates a parsed rule over plain data. Only own properties of plain objects and arrays are read, there
// are no calls and no loops, so a rule can read the scheduling input and nothing else. Anything that does
// not make sense (a missing value in arithmetic, ordering a list) yields null, and only `true` passes.

type Value = RuleValue | undefined;

export function evaluateRule(node: RuleNode, input: RuleValue): boolean {
  return evaluate(node, input) === true;
}

function evaluate(node: RuleNode, input: RuleValue): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'path':
      return lookup(input, node.segments);
    case 'list':
      return node.items.map((item) => evaluate(item, input) ?? null);
    case 'not': {
      const value = evaluate(node.operand, input);
      return typeof value === 'boolean' ? !value : null;
    }
    case 'negate': {
      const value = toNumber(evaluate(node.operand, input));
      return value === undefined ? null : -value;
    }
    case 'binary':
      return binary(node.operator, node.left, node.right, input);
  }
}

function binary(operator: string, leftNode: RuleNode, rightNode: RuleNode, input: RuleValue): Value {
  const left = evaluate(leftNode, input);
  if (operator === '&&') return left === true && evaluate(rightNode, input) === true;
  if (operator === '||') return left === true || evaluate(rightNode, input) === true;
  const right = evaluate(rightNode, input);
  switch (operator) {
    case '==':
      return equals(left, right);
    case '!=':
      return !equals(left, right);
    case 'contains':
      return contains(left, right);
    case 'in':
      return contains(right, left);
    case '+':
    case '-':
      return arithmetic(operator, left, right);
    default:
      return order(operator, left, right);
  }
}

function lookup(input: RuleValue, segments: PathSegment[]): Value {
  let current: Value = input;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[String(segment)];
    else return null;
  }
  return current ?? null;
}

function isRecord(value: Value): value is { [key: string]: RuleValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Tags, metadata and env are strings; "8" compared with 8 is compared as numbers.
function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

function equals(left: Value, right: Value): boolean {
  if (typeof left === 'number' || typeof right === 'number') {
    const [a, b] = [toNumber(left), toNumber(right)];
    return a !== undefined && a === b;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => equals(item, right[i]));
  }
  return left === right;
}

function contains(container: Value, item: Value): boolean {
  if (Array.isArray(container)) return container.some((element) => equals(element, item));
  if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
  if (isRecord(container) && typeof item === 'string') return Object.hasOwn(container, item);
  return false;
}

function arithmetic(operator: '+' | '-', left: Value, right: Value): Value {
  const [a, b] = [toNumber(left), toNumber(right)];
  if (a === undefined || b === undefined) return null;
  return operator === '+' ? a + b : a - b;
}

function order(operator: string, left: Value, right: Value): Value {
  const [a, b] = [toNumber(left), toNumber(right)];
  const comparable: [number, number] | [string, string] | undefined =
    a !== undefined && b !== undefined
      ? [a, b]
      : typeof left === 'string' && typeof right === 'string'
        ? [left, right]
        : undefined;
  if (!comparable) return null;
  const [x, y] = comparable;
  switch (operator) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}
