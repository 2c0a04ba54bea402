import {
  ExecutorNodeDataJson,
  InstanceInfoJson,
  LocalServiceInstanceInfoJson,
  TaskInfoJson,
} from '@drove/domain';
import { executorSummary } from '../../executors/executor-summary';
import { badge, facts, keyValues, section, table, time } from '../components';
import { html, link, SafeHtml } from '../html';
import { page } from '../layout';
import { instancesTable, tasksTable } from '../tables';

const numaTable = (data: ExecutorNodeDataJson): SafeHtml => {
  const { cpus, memory } = data.state;
  const nodes = [...new Set([...Object.keys(cpus.freeCores), ...Object.keys(cpus.usedCores)])];
  return table(
    ['NUMA node', 'Free cores', 'Used cores', 'Free memory (MB)', 'Used memory (MB)'],
    nodes.map((n) => [
      n,
      (cpus.freeCores[n] ?? []).join(','),
      (cpus.usedCores[n] ?? []).join(','),
      memory.freeMemory[n] ?? 0,
      memory.usedMemory[n] ?? 0,
    ]),
    'No resources reported',
  );
};

/** What the cluster view says runs on the executor (fresher than the instances in its node data). */
export interface OnExecutor {
  instances: readonly InstanceInfoJson[];
  tasks: readonly TaskInfoJson[];
  serviceInstances: readonly LocalServiceInstanceInfoJson[];
}

/** `/executors/{id}`: its resources per NUMA node from its latest node data, and what runs on it. */
export const executorPage = (
  executorId: string,
  data: ExecutorNodeDataJson | undefined,
  removed: boolean,
  running: OnExecutor,
): SafeHtml => {
  if (!data) return page(`Executor ${executorId}`, html`<p>No executor ${executorId} is known.</p>`);
  const s = executorSummary(data, removed ? 'REMOVED' : undefined);
  const serviceInstance = (i: LocalServiceInstanceInfoJson) =>
    link(i.instanceId, 'localservices', i.serviceId, 'instances', i.instanceId);
  const appInstance = (i: InstanceInfoJson) =>
    link(i.instanceId, 'applications', i.appId, 'instances', i.instanceId);
  return page(
    `Executor ${executorId}`,
    html`${facts([
      ['Host', `${s.hostname}:${s.port}`],
      ['Transport', s.transportType],
      ['State', badge(s.state)],
      ['Cores free / used', `${s.freeCores} / ${s.usedCores}`],
      ['Memory free / used (MB)', `${s.freeMemory} / ${s.usedMemory}`],
      ['Tags', s.tags.join(', ')],
      ['Metadata', keyValues(data.metadata)],
      ['Updated', time(data.updated)],
    ])}
    ${section('NUMA nodes', numaTable(data))}
    ${section('Application instances', instancesTable(running.instances, appInstance, 'None'))}
    ${section('Tasks', tasksTable(running.tasks, 'None'))}
    ${section('Local service instances', instancesTable(running.serviceInstances, serviceInstance, 'None'))}`,
  );
};
