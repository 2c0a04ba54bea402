/**
 * Markup that is already safe to send. Only `html` and the helpers below make one, so a value from a spec or a
 * request can reach a page only through `escapeHtml`.
 */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Safe in element text and in quoted attribute values (every page quotes its attributes). */
export const escapeHtml = (value: string): string => value.replace(/[&<>"'`]/g, (c) => ENTITIES[c] as string);

/** What a page may interpolate: plain values are escaped, SafeHtml kept, lists concatenated. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const render = (value: HtmlValue): string => {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
};

/** A template literal whose every interpolation is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(markup);
}

/** A browser path from segments, each percent-encoded (an id with `/` or `?` stays one segment). */
export const pathOf = (...segments: string[]): string =>
  '/' + segments.map((s) => encodeURIComponent(s)).join('/');

/** A link to one of our own pages; `segments` as `pathOf` takes them. */
export const link = (text: HtmlValue, ...segments: string[]): SafeHtml =>
  html`<a href="${pathOf(...segments)}">${text}</a>`;
