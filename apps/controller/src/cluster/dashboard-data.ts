import {
  ACTIVATION_STATES,
  APPLICATION_STATES,
  ActivationState,
  ApplicationAggregate,
  ApplicationState,
  EXECUTOR_STATES,
  ExecutorNodeDataJson,
  ExecutorState,
  LOCAL_SERVICE_STATES,
  LocalServiceState,
  TASK_STATES,
  TERMINAL_TASK_STATES,
  TaskInfoJson,
  TaskState,
} from '@drove/domain';
import { executorSummary } from '../executors/executor-summary';
import { AppSummary, appSummary } from '../projections/app-summary';
import { ClusterSummary } from './cluster-summary';

/** Drove's DashboardData (reference 1.5); local services are counted once the view knows them. */
export interface DashboardData {
  clusterSummary: ClusterSummary;
  appStats: {
    appCountByState: Record<ApplicationState, number>;
    topApps: AppSummary[];
    totalHealthyInstances: number;
  };
  taskStats: { taskCountByState: Record<TaskState, number>; topTasks: TaskInfoJson[] };
  serviceStats: {
    serviceCountByState: Record<LocalServiceState, number>;
    serviceCountByActivationState: Record<ActivationState, number>;
    topServices: unknown[];
    totalHealthyInstances: number;
  };
  executorStats: {
    executorCountByState: Record<ExecutorState, number>;
    utilization: UtilizationStats;
  };
  generatedAt: number;
}

export interface UtilizationStats {
  averageUtilization: number;
  highestUtilization: number;
  lowestUtilization: number;
  /** Coefficient of variation of the executors' utilizations: 0 is perfectly balanced. */
  balanceScore: number;
}

export interface DashboardFacts {
  summary: ClusterSummary;
  apps: readonly { app: ApplicationAggregate; healthyInstances: number }[];
  tasks: readonly TaskInfoJson[];
  executors: readonly ExecutorNodeDataJson[];
  now: number;
}

/** Drove lists the five heaviest apps and the five longest-running tasks. */
const TOP = 5;

const zeroCounts = <S extends string>(states: readonly S[]): Record<S, number> =>
  Object.fromEntries(states.map((s) => [s, 0])) as Record<S, number>;

const countBy = <S extends string>(states: readonly S[], values: readonly S[]): Record<S, number> => {
  const counts = zeroCounts(states);
  for (const value of values) counts[value] += 1;
  return counts;
};

/** An app's dominant share of the cluster: the larger of its CPU and memory fractions (as Drove ranks them). */
const dominantShare = (summary: AppSummary, cluster: ClusterSummary): number =>
  Math.max(
    summary.totalCPUs / Math.max(1, cluster.totalCores),
    summary.totalMemory / Math.max(1, cluster.totalMemory),
  );

/** An executor is as utilised as its most utilised resource. */
function dominantUtilization(data: ExecutorNodeDataJson): number {
  const e = executorSummary(data);
  const fraction = (used: number, free: number) => (used + free === 0 ? 0 : used / (used + free));
  return Math.max(fraction(e.usedCores, e.freeCores), fraction(e.usedMemory, e.freeMemory));
}

export function utilizationStats(executors: readonly ExecutorNodeDataJson[]): UtilizationStats {
  const values = executors.map(dominantUtilization);
  if (values.length === 0)
    return { averageUtilization: 0, highestUtilization: 0, lowestUtilization: 0, balanceScore: 0 };
  const average = values.reduce((a, b) => a + b, 0) / values.length;
  const deviation = Math.sqrt(values.reduce((a, v) => a + (v - average) ** 2, 0) / values.length);
  return {
    averageUtilization: average,
    highestUtilization: Math.max(...values),
    lowestUtilization: Math.min(...values),
    // Drove divides by zero here on an idle cluster; an idle cluster is perfectly balanced.
    balanceScore: average === 0 ? 0 : deviation / average,
  };
}

export function dashboardData({ summary, apps, tasks, executors, now }: DashboardFacts): DashboardData {
  const known = apps.filter(({ app }) => app.state !== undefined && app.spec !== undefined);
  const topApps = known
    .filter(({ app }) => app.instances > 0)
    .map(({ app, healthyInstances }) => appSummary(app, healthyInstances))
    .sort((a, b) => dominantShare(b, summary) - dominantShare(a, summary))
    .slice(0, TOP);
  const running = tasks
    .filter((t) => !TERMINAL_TASK_STATES.includes(t.state))
    .sort((a, b) => a.created - b.created)
    .slice(0, TOP);
  return {
    clusterSummary: summary,
    appStats: {
      appCountByState: countBy(
        APPLICATION_STATES,
        known.map(({ app }) => app.state as ApplicationState),
      ),
      topApps,
      totalHealthyInstances: known.reduce((sum, { healthyInstances }) => sum + healthyInstances, 0),
    },
    taskStats: {
      taskCountByState: countBy(
        TASK_STATES,
        tasks.map((t) => t.state),
      ),
      topTasks: running,
    },
    serviceStats: {
      serviceCountByState: zeroCounts(LOCAL_SERVICE_STATES),
      serviceCountByActivationState: zeroCounts(ACTIVATION_STATES),
      topServices: [],
      totalHealthyInstances: 0,
    },
    executorStats: {
      executorCountByState: countBy(
        EXECUTOR_STATES,
        executors.map((e) => executorSummary(e).state),
      ),
      utilization: utilizationStats(executors),
    },
    generatedAt: now,
  };
}
