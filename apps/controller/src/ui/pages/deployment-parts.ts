import { AnyInstanceInfoJson } from '@drove/domain';
import { jsonBlock, keyValues, section, time } from '../components';
import { html, HtmlValue, SafeHtml } from '../html';
import { instancesTable } from '../tables';

/** The facts an app page and a local-service page share, after their own. */
export const usageFacts = (s: {
  totalCPUs: number;
  totalMemory: number;
  tags: Record<string, string>;
  created: number;
  updated: number;
}): [string, HtmlValue][] => [
  ['CPUs', s.totalCPUs],
  ['Memory (MB)', s.totalMemory],
  ['Tags', keyValues(s.tags)],
  ['Created', time(s.created)],
  ['Updated', time(s.updated)],
];

/** Active and old instances, then the spec, which the caller has masked (maskSpec). */
export const instancesAndSpec = <T extends AnyInstanceInfoJson>(
  active: readonly T[],
  old: readonly T[],
  name: (instance: T) => SafeHtml | string,
  maskedSpec: unknown,
): SafeHtml =>
  html`${section('Active instances', instancesTable(active, name, 'No active instances'))}
  ${section('Old instances', instancesTable(old, name, 'No old instances'))}
  ${section('Spec', jsonBlock(maskedSpec))}`;
