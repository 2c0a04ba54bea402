import { LocalServiceInstanceInfoJson, LocalServiceSpecJson } from '@drove/domain';
import { LocalServiceSummary } from '../../local-services/local-service-summary';
import { badge, facts } from '../components';
import { html, SafeHtml } from '../html';
import { page } from '../layout';
import { instancesAndSpec, usageFacts } from './deployment-parts';

export interface LocalServiceFacts {
  summary: LocalServiceSummary;
  /** Already masked (maskSpec). */
  maskedSpec: LocalServiceSpecJson;
  active: readonly LocalServiceInstanceInfoJson[];
  old: readonly LocalServiceInstanceInfoJson[];
}

/** `/localservices/{id}`: summary, instances on every executor (no page of their own), the masked spec. */
export const localServicePage = ({ summary: s, maskedSpec, active, old }: LocalServiceFacts): SafeHtml =>
  page(
    `Local service ${s.id}`,
    html`${facts([
      ['Name', s.name],
      ['State', badge(s.state)],
      ['Activation', badge(s.activationState)],
      ['Instances per host', s.instancesPerHost],
      ['Healthy instances', s.healthyInstances],
      ...usageFacts(s),
    ])}
    ${instancesAndSpec(active, old, (i) => i.instanceId, maskedSpec)}`,
  );
