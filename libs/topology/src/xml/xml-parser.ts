import { XmlElement } from './xml-element';

// A strict parser for the XML subset lstopo writes: a prolog, a DOCTYPE, comments, elements with quoted
// attributes, character data (ignored) and the five predefined entities. Anything else is an error, so a
// truncated or corrupted topology never turns into a smaller machine.

export class XmlSyntaxError extends Error {
  constructor(message: string, offset: number) {
    super(`Invalid XML at offset ${offset}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /\s*/y;

export function parseXml(text: string): XmlElement {
  const parser = new Parser(text);
  return parser.document();
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): XmlElement {
    this.skipMisc();
    if (this.text.startsWith('<!DOCTYPE', this.pos)) {
      this.skipPast('>');
      this.skipMisc();
    }
    const root = this.element();
    this.skipMisc();
    if (this.pos !== this.text.length) this.fail('content after the root element');
    return root;
  }

  private skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('<?', this.pos)) this.skipPast('?>');
      else if (this.text.startsWith('<!--', this.pos)) this.skipPast('-->');
      else return;
    }
  }

  private element(): XmlElement {
    this.expect('<');
    const name = this.name();
    const attributes: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { name, attributes, children: [] };
      }
      if (this.text[this.pos] === '>') {
        this.pos += 1;
        break;
      }
      const attribute = this.name();
      if (Object.hasOwn(attributes, attribute)) this.fail(`duplicate attribute ${attribute}`);
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      attributes[attribute] = this.quoted();
    }
    return { name, attributes, children: this.content(name) };
  }

  private content(name: string): XmlElement[] {
    const children: XmlElement[] = [];
    for (;;) {
      const next = this.text.indexOf('<', this.pos);
      if (next < 0) this.fail(`unclosed element <${name}>`);
      this.checkText(this.text.slice(this.pos, next));
      this.pos = next;
      if (this.text.startsWith('</', this.pos)) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipSpace();
        this.expect('>');
        return children;
      }
      if (this.text.startsWith('<!--', this.pos)) this.skipPast('-->');
      else children.push(this.element());
    }
  }

  private checkText(text: string): void {
    if (text.includes('>') || /&(?!(amp|lt|gt|quot|apos);)/.test(text)) this.fail('malformed character data');
  }

  private quoted(): string {
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
    const end = this.text.indexOf(quote, this.pos + 1);
    if (end < 0) this.fail('unterminated attribute value');
    const raw = this.text.slice(this.pos + 1, end);
    if (raw.includes('<')) this.fail("'<' in an attribute value");
    this.pos = end + 1;
    return raw.replace(/&([a-z]+);|&/g, (match, entity?: string) => {
      const value = entity === undefined ? undefined : ENTITIES[entity];
      if (value === undefined) this.fail(`unknown entity ${match}`);
      return value;
    });
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) this.fail('expected a name');
    this.pos = NAME.lastIndex;
    return match[0];
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private skipPast(terminator: string): void {
    const end = this.text.indexOf(terminator, this.pos);
    if (end < 0) this.fail(`missing ${terminator}`);
    this.pos = end + terminator.length;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail(`expected '${char}'`);
    this.pos += 1;
  }

  private fail(message: string): never {
    throw new XmlSyntaxError(message, this.pos);
  }
}
