import { ApplicationSpecJson, InstanceInfoJson } from '@drove/domain';
import { AppSummary } from '../../projections/app-summary';
import { badge, facts } from '../components';
import { html, link, SafeHtml } from '../html';
import { page } from '../layout';
import { instancesAndSpec, usageFacts } from './deployment-parts';

export interface ApplicationFacts {
  summary: AppSummary;
  /** Already masked (maskSpec): the page shows what `GET .../spec` shows. */
  maskedSpec: ApplicationSpecJson;
  active: readonly InstanceInfoJson[];
  old: readonly InstanceInfoJson[];
}

/** `/applications/{id}`: summary, active and old instances, the masked spec. */
export const applicationPage = ({ summary: s, maskedSpec, active, old }: ApplicationFacts): SafeHtml => {
  const instanceLink = (i: InstanceInfoJson) =>
    link(i.instanceId, 'applications', s.id, 'instances', i.instanceId);
  return page(
    `Application ${s.id}`,
    html`${facts([
      ['Name', s.name],
      ['State', badge(s.state)],
      ['Instances (healthy / required)', `${s.healthyInstances} / ${s.requiredInstances}`],
      ...usageFacts(s),
    ])}
    ${instancesAndSpec(active, old, instanceLink, maskedSpec)}`,
  );
};
