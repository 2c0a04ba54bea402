import { AnyInstanceInfoJson } from '@drove/domain';
import { badge, facts, keyValues, section, table, time } from '../components';
import { html, link, SafeHtml } from '../html';
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

/** `/applications/{id}/instances/{instanceId}`; an instance the view does not hold is said so. */
export const appInstancePage = (appId: string, instanceId: string, info: AnyInstanceInfoJson | undefined) => {
  const owner = link(appId, 'applications', appId);
  return page(
    `Instance ${instanceId}`,
    info ? instanceDetails(info, owner) : html`<p>No instance ${instanceId} of ${owner} is known.</p>`,
  );
};
