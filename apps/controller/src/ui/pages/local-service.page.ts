import { LocalServiceInstanceInfoJson, LocalServiceSpecJson } from '@drove/domain';
import { LocalServiceSummary } from '../../local-services/local-service-summary';
import { badge, facts } from '../components';
import { html, link, SafeHtml } from '../html';
import { page } from '../layout';
import { instancesAndSpec, usageFacts } from './deployment-parts';

export interface LocalServiceFacts {
  summary: LocalServiceSummary;
  /** Already masked (maskSpec). */
  maskedSpec: LocalServiceSpecJson;
  active: readonly LocalServiceInstanceInfoJson[];
  old: readonly LocalServiceInstanceInfoJson[];
}

/** `/localservices/{id}`: summary, instances on every executor, the masked spec. */
export const localServicePage = ({ summary: s, maskedSpec, active, old }: LocalServiceFacts): SafeHtml => {
  const instanceLink = (i: LocalServiceInstanceInfoJson) =>
    link(i.instanceId, 'localservices', s.id, 'instances', i.instanceId);
  return page(
    `Local service ${s.id}`,
    html`${facts([
      ['Name', s.name],
      ['State', badge(s.state)],
      ['Activation', badge(s.activationState)],
      ['Instances per host', s.instancesPerHost],
      ['Healthy instances', s.healthyInstances],
      ...usageFacts(s),
    ])}
    ${instancesAndSpec(active, old, instanceLink, maskedSpec)}`,
  );
};
