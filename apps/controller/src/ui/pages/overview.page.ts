import { ClusterSummary } from '../../cluster/cluster-summary';
import { ExecutorSummary } from '../../executors/executor-summary';
import { LocalServiceSummary } from '../../local-services/local-service-summary';
import { AppSummary } from '../../projections/app-summary';
import { badge, facts, section } from '../components';
import { html, SafeHtml } from '../html';
import { page } from '../layout';
import { appsTable, executorsTable, servicesTable } from '../tables';

export interface OverviewFacts {
  summary: ClusterSummary;
  apps: readonly AppSummary[];
  services: readonly LocalServiceSummary[];
  executors: readonly ExecutorSummary[];
}

export const clusterFacts = (s: ClusterSummary): SafeHtml =>
  facts([
    ['Leader', s.leader],
    ['State', badge(s.state)],
    ['Executors (active)', s.numExecutors],
    ['Applications (active / all)', `${s.numActiveApplications} / ${s.numApplications}`],
    ['Active tasks', s.numActiveTasks],
    ['Local services (active / all)', `${s.numActiveLocalServices} / ${s.numLocalServices}`],
    ['Cores (free / used / total)', `${s.freeCores} / ${s.usedCores} / ${s.totalCores}`],
    ['Memory MB (free / used / total)', `${s.freeMemory} / ${s.usedMemory} / ${s.totalMemory}`],
  ]);

/** `/`: the cluster at a glance, as Drove's home page. */
export const overviewPage = ({ summary, apps, services, executors }: OverviewFacts): SafeHtml =>
  page(
    'Cluster overview',
    html`${clusterFacts(summary)} ${section('Applications', appsTable(apps))}
    ${section('Local services', servicesTable(services))} ${section('Executors', executorsTable(executors))}`,
  );
