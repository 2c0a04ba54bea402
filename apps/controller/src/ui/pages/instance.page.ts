import { AnyInstanceInfoJson } from '@drove/domain';
import { badge, facts, keyValues, section, table, time } from '../components';
import { html, link, pathOf, SafeHtml } from '../html';
import { page } from '../layout';
import { resourcesText } from '../tables';

/** One instance's details; `owner` links back to its app or local service. */
export const instanceDetails = (info: AnyInstanceInfoJson, owner: SafeHtml): SafeHtml =>
  html`${facts([
    ['Owner', owner],
    ['State', badge(info.state)],
    ['Executor', link(info.executorId, 'executors', info.executorId)],
    ['Host', info.localInfo?.hostname ?? '-'],
    ['Resources', resourcesText(info.resources)],
    ['Error', info.errorMessage || '-'],
    ['Created', time(info.created)],
    ['Updated', time(info.updated)],
  ])}
  ${section(
    'Ports',
    table(
      ['Name', 'Container port', 'Host port', 'Type'],
      Object.entries(info.localInfo?.ports ?? {}).map(([name, p]) => [
        name,
        p.containerPort,
        p.hostPort,
        p.portType,
      ]),
      'No ports',
    ),
  )}
  ${section('Metadata', keyValues(info.metadata))}`;

/**
 * An instance page: `kind` is the path segment of its owner (`applications` or `localservices`), which is also
 * where its log files are (`/apis/v1/logfiles/<kind>/...`, route class LOGS). An instance the view does not
 * hold is said so.
 */
export const instancePage = (
  kind: 'applications' | 'localservices',
  ownerId: string,
  instanceId: string,
  info: AnyInstanceInfoJson | undefined,
): SafeHtml => {
  const owner = link(ownerId, kind, ownerId);
  const logs = html`<p>
    <a href="${pathOf('apis', 'v1', 'logfiles', kind, ownerId, instanceId, 'list')}">Log files (JSON)</a>
  </p>`;
  return page(
    `Instance ${instanceId}`,
    info
      ? html`${instanceDetails(info, owner)}${logs}`
      : html`<p>No instance ${instanceId} of ${owner} is known.</p>`,
  );
};
