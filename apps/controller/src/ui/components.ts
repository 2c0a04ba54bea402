import { html, HtmlValue, SafeHtml } from './html';

/** Epoch milliseconds as an ISO time (UTC); 0 or missing as a dash. */
export const time = (ms: number | undefined): string => (ms ? new Date(ms).toISOString() : '-');

/** A state name with a class per state, so the stylesheet colours healthy and failed states. */
export const badge = (state: string | undefined): SafeHtml =>
  html`<span class="state state-${state ?? 'UNKNOWN'}">${state ?? 'UNKNOWN'}</span>`;

export function table(headers: readonly string[], rows: readonly HtmlValue[][], empty = 'None'): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((h) => html`<th>${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Label and value pairs. */
export const facts = (pairs: readonly [string, HtmlValue][]): SafeHtml =>
  html`<dl>
    ${pairs.map(
      ([label, value]) =>
        html`<dt>${label}</dt>
          <dd>${value}</dd>`,
    )}
  </dl>`;

/** `key=value` pairs (tags, labels, env, metadata), one per line. */
export const keyValues = (record: Record<string, string> | undefined): SafeHtml =>
  html`${Object.entries(record ?? {}).map(([k, v]) => html`<code>${k}=${v}</code><br />`)}`;

/** A value shown as indented JSON; the caller masks secrets first. */
export const jsonBlock = (value: unknown): SafeHtml => html`<pre>${JSON.stringify(value, null, 2)}</pre>`;

export const section = (title: string, body: HtmlValue): SafeHtml =>
  html`<h2>${title}</h2>
    ${body}`;
