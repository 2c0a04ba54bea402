import { AnyInstanceInfoJson, ResourceAllocationJson, TaskInfoJson } from '@drove/domain';
import { ExecutorSummary } from '../executors/executor-summary';
import { LocalServiceSummary } from '../local-services/local-service-summary';
import { AppSummary } from '../projections/app-summary';
import { badge, keyValues, table, time } from './components';
import { html, link, SafeHtml } from './html';

export const appsTable = (apps: readonly AppSummary[]): SafeHtml =>
  table(
    ['App', 'Name', 'State', 'Healthy / required', 'CPUs', 'Memory (MB)', 'Tags', 'Updated'],
    apps.map((a) => [
      link(a.id, 'applications', a.id),
      a.name,
      badge(a.state),
      `${a.healthyInstances} / ${a.requiredInstances}`,
      a.totalCPUs,
      a.totalMemory,
      keyValues(a.tags),
      time(a.updated),
    ]),
    'No applications',
  );

export const servicesTable = (services: readonly LocalServiceSummary[]): SafeHtml =>
  table(
    ['Service', 'Name', 'State', 'Activation', 'Per host', 'Healthy', 'CPUs', 'Memory (MB)', 'Tags'],
    services.map((s) => [
      link(s.id, 'localservices', s.id),
      s.name,
      badge(s.state),
      badge(s.activationState),
      s.instancesPerHost,
      s.healthyInstances,
      s.totalCPUs,
      s.totalMemory,
      keyValues(s.tags),
    ]),
    'No local services',
  );

export const executorsTable = (executors: readonly ExecutorSummary[]): SafeHtml =>
  table(
    ['Executor', 'Host', 'State', 'Cores free / used', 'Memory free / used (MB)', 'Tags'],
    executors.map((e) => [
      link(e.executorId, 'executors', e.executorId),
      `${e.hostname}:${e.port}`,
      badge(e.state),
      `${e.freeCores} / ${e.usedCores}`,
      `${e.freeMemory} / ${e.usedMemory}`,
      e.tags.join(', '),
    ]),
    'No executors',
  );

/** Cores and memory per NUMA node, as the scheduler allocated them. */
export const resourcesText = (resources: readonly ResourceAllocationJson[]): string =>
  resources
    .map((r) =>
      r.type === 'CPU'
        ? Object.entries(r.cores)
            .map(([node, cores]) => `node ${node}: cores ${cores.join(',')}`)
            .join('; ')
        : Object.entries(r.memoryInMB)
            .map(([node, mb]) => `node ${node}: ${mb} MB`)
            .join('; '),
    )
    .join('; ');

const portsText = (info: AnyInstanceInfoJson): string =>
  Object.entries(info.localInfo?.ports ?? {})
    .map(([name, p]) => `${name} ${p.containerPort}->${p.hostPort}/${p.portType}`)
    .join(', ');

/** Instances of an app or local service; `instanceLink` names one (a link to its page, if it has one). */
export const instancesTable = <T extends AnyInstanceInfoJson>(
  instances: readonly T[],
  instanceLink: (instance: T) => SafeHtml | string,
  empty: string,
): SafeHtml =>
  table(
    ['Instance', 'State', 'Executor', 'Host', 'Ports', 'Resources', 'Error', 'Updated'],
    instances.map((i) => [
      instanceLink(i),
      badge(i.state),
      link(i.executorId, 'executors', i.executorId),
      i.localInfo?.hostname ?? '-',
      portsText(i),
      resourcesText(i.resources),
      i.errorMessage,
      time(i.updated),
    ]),
    empty,
  );

export const tasksTable = (tasks: readonly TaskInfoJson[], empty = 'No tasks'): SafeHtml =>
  table(
    ['Task', 'Source app', 'State', 'Executor', 'Result', 'Created', 'Updated'],
    tasks.map((t) => [
      link(t.taskId, 'tasks', t.sourceAppName, t.taskId),
      t.sourceAppName,
      badge(t.state),
      link(t.executorId, 'executors', t.executorId),
      t.taskResult ? html`${t.taskResult.status} (exit ${t.taskResult.exitCode})` : '-',
      time(t.created),
      time(t.updated),
    ]),
    empty,
  );
