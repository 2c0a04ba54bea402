import { PathSegment, RuleSyntaxError } from './rule-ast';

export type Dialect = 'MVEL' | 'HOPE';

export type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'path'; segments: PathSegment[]; at: number }
  | { type: 'word'; value: string; at: number }
  | { type: 'symbol'; value: string; at: number }
  | { type: 'end'; at: number };

const SYMBOLS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '[', ']', ',', '.', '+', '-'];
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /\d+(\.\d+)?/y;

// HOPE names values with JSON pointers in single quotes ('/a/b') or JSON paths in double quotes ("$.a.b");
// every other quoted text is a string. MVEL names them with bare identifiers, handled by the parser.
export function tokenize(source: string, dialect: Dialect): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const char = source[pos];
    if (/\s/.test(char)) {
      pos++;
      continue;
    }
    const at = pos;
    if (char === '"' || char === "'") {
      const { text, end } = readString(source, pos);
      pos = end;
      tokens.push(stringOrPath(text, char, dialect, at));
      continue;
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(source);
    if (number) {
      pos = NUMBER.lastIndex;
      tokens.push({ type: 'number', value: Number(number[0]), at });
      continue;
    }
    WORD.lastIndex = pos;
    const word = WORD.exec(source);
    if (word) {
      pos = WORD.lastIndex;
      tokens.push({ type: 'word', value: word[0], at });
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, pos));
    if (!symbol) throw new RuleSyntaxError(`Unexpected character '${char}'`, pos);
    pos += symbol.length;
    tokens.push({ type: 'symbol', value: symbol, at });
  }
  tokens.push({ type: 'end', at: pos });
  return tokens;
}

function readString(source: string, start: number): { text: string; end: number } {
  const quote = source[start];
  let text = '';
  for (let pos = start + 1; pos < source.length; pos++) {
    const char = source[pos];
    if (char === quote) return { text, end: pos + 1 };
    if (char === '\\') {
      pos++;
      if (pos >= source.length) break;
    }
    text += source[pos];
  }
  throw new RuleSyntaxError('Unterminated string', start);
}

function stringOrPath(text: string, quote: string, dialect: Dialect, at: number): Token {
  if (dialect === 'HOPE' && quote === "'" && text.startsWith('/')) {
    return { type: 'path', segments: text.slice(1).split('/').map(unescapePointer), at };
  }
  if (dialect === 'HOPE' && quote === '"' && (text === '$' || text.startsWith('$.'))) {
    const segments = text === '$' ? [] : text.slice(2).split('.');
    if (segments.some((segment) => segment === ''))
      throw new RuleSyntaxError(`Invalid JSON path "${text}"`, at);
    return { type: 'path', segments, at };
  }
  return { type: 'string', value: text, at };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
