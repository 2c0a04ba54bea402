import { LocalServiceInstanceInfoJson, LocalServiceSpecJson } from '@drove/domain';
import { LocalServiceSummary } from '../../local-services/local-service-summary';
import { badge, facts, jsonBlock, keyValues, section, time } from '../components';
import { html, SafeHtml } from '../html';
import { page } from '../layout';
import { instancesTable } from '../tables';

export interface LocalServiceFacts {
  summary: LocalServiceSummary;
  /** Already masked (maskSpec). */
  maskedSpec: LocalServiceSpecJson;
  active: readonly LocalServiceInstanceInfoJson[];
  old: readonly LocalServiceInstanceInfoJson[];
}

/** `/localservices/{id}`: summary, instances on every executor, the masked spec. */
export const localServicePage = ({ summary: s, maskedSpec, active, old }: LocalServiceFacts): SafeHtml => {
  const plain = (i: LocalServiceInstanceInfoJson) => i.instanceId;
  return page(
    `Local service ${s.id}`,
    html`${facts([
      ['Name', s.name],
      ['State', badge(s.state)],
      ['Activation', badge(s.activationState)],
      ['Instances per host', s.instancesPerHost],
      ['Healthy instances', s.healthyInstances],
      ['CPUs', s.totalCPUs],
      ['Memory (MB)', s.totalMemory],
      ['Tags', keyValues(s.tags)],
      ['Created', time(s.created)],
      ['Updated', time(s.updated)],
    ])}
    ${section('Active instances', instancesTable(active, plain, 'No active instances'))}
    ${section('Old instances', instancesTable(old, plain, 'No old instances'))}
    ${section('Spec', jsonBlock(maskedSpec))}`,
  );
};
