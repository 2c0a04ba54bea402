import { DashboardData } from '../../cluster/dashboard-data';
import { badge, facts, section, table } from '../components';
import { html, SafeHtml } from '../html';
import { page } from '../layout';
import { appsTable, servicesTable, tasksTable } from '../tables';
import { clusterFacts } from './overview.page';

/** Only the states something is in; Drove's dashboard charts them. */
const counts = (byState: Record<string, number>): SafeHtml =>
  table(
    ['State', 'Count'],
    Object.entries(byState)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => [badge(state), n]),
    'None',
  );

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)} %`;

/** `/dashboard`: Drove's DashboardData as tables. */
export const dashboardPage = (d: DashboardData): SafeHtml => {
  const u = d.executorStats.utilization;
  return page(
    'Dashboard',
    html`${clusterFacts(d.clusterSummary)}
      ${section('Applications by state', counts(d.appStats.appCountByState))}
      <p>Healthy app instances: ${d.appStats.totalHealthyInstances}</p>
      ${section('Largest applications', appsTable(d.appStats.topApps))}
      ${section('Tasks by state', counts(d.taskStats.taskCountByState))}
      ${section('Longest-running tasks', tasksTable(d.taskStats.topTasks))}
      ${section('Local services by state', counts(d.serviceStats.serviceCountByState))}
      ${section('Largest local services', servicesTable(d.serviceStats.topServices))}
      ${section('Executors by state', counts(d.executorStats.executorCountByState))}
      ${facts([
        ['Average utilization', percent(u.averageUtilization)],
        ['Highest utilization', percent(u.highestUtilization)],
        ['Lowest utilization', percent(u.lowestUtilization)],
        ['Balance score (0: even)', u.balanceScore.toFixed(3)],
      ])}
      <p class="empty">Generated at ${new Date(d.generatedAt).toISOString()}</p>`,
  );
};
