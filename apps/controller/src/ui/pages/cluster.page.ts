import { ClusterSummary } from '../../cluster/cluster-summary';
import { ExecutorSummary } from '../../executors/executor-summary';
import { html, SafeHtml } from '../html';
import { section } from '../components';
import { page } from '../layout';
import { executorsTable } from '../tables';
import { clusterFacts } from './overview.page';

/** `/cluster`: the summary and every executor, live ones and those removed within two days. */
export const clusterPage = (summary: ClusterSummary, executors: readonly ExecutorSummary[]): SafeHtml =>
  page('Cluster', html`${clusterFacts(summary)}${section('Executors', executorsTable(executors))}`);
