import {
  ExecutorNodeDataJson,
  InstanceInfoJson,
  LocalServiceInstanceInfoJson,
  LocalServiceSpecJson,
  TaskInfoJson,
} from '@drove/domain';
import { ClusterSummary } from '../../cluster/cluster-summary';
import { dashboardData } from '../../cluster/dashboard-data';
import { listedExecutors } from '../../executors/executor-summary';
import { LocalServiceSummary } from '../../local-services/local-service-summary';
import { AppSummary } from '../../projections/app-summary';
import { SafeHtml } from '../html';
import { applicationPage } from './application.page';
import { applicationsPage } from './applications.page';
import { clusterPage } from './cluster.page';
import { dashboardPage } from './dashboard.page';
import { executorPage } from './executor.page';
import { instancePage } from './instance.page';
import { localServicePage } from './local-service.page';
import { localServicesPage } from './local-services.page';
import { overviewPage } from './overview.page';
import { taskPage } from './task.page';
import { tasksPage } from './tasks.page';

// Every string a spec, a request or an executor controls carries markup that must come out as text.
const X = `<img src=x onerror=alert(1)>"'`;

const summary: ClusterSummary = {
  leader: `ctl${X}:4000`,
  state: 'NORMAL',
  numExecutors: 1,
  numApplications: 1,
  numActiveApplications: 1,
  numActiveTasks: 1,
  numLocalServices: 1,
  numActiveLocalServices: 1,
  freeCores: 3,
  usedCores: 1,
  totalCores: 4,
  freeMemory: 900,
  usedMemory: 100,
  totalMemory: 1000,
};
const app: AppSummary = {
  id: `app${X}-1`,
  name: `app${X}`,
  requiredInstances: 1,
  healthyInstances: 1,
  totalCPUs: 1,
  totalMemory: 64,
  tags: { [`k${X}`]: `v${X}` },
  state: 'RUNNING',
  created: 1,
  updated: 2,
};
const service: LocalServiceSummary = {
  id: `svc${X}-1`,
  name: `svc${X}`,
  instancesPerHost: 1,
  healthyInstances: 1,
  totalCPUs: 1,
  totalMemory: 64,
  tags: { t: X },
  activationState: 'ACTIVE',
  state: 'ACTIVE',
  created: 1,
  updated: 2,
};
const common = {
  instanceId: `AI-${X}`,
  executorId: `exec${X}`,
  localInfo: {
    hostname: `host${X}`,
    ports: { [`main${X}`]: { containerPort: 8000, hostPort: 41000, portType: X } },
  },
  resources: [
    { type: 'CPU' as const, cores: { '0': [1] } },
    { type: 'MEMORY' as const, memoryInMB: { '0': 64 } },
  ],
  state: 'HEALTHY' as const,
  metadata: { [X]: X },
  errorMessage: X,
  created: 1,
  updated: 2,
};
const instance: InstanceInfoJson = { ...common, appId: app.id, appName: app.name };
const serviceInstance: LocalServiceInstanceInfoJson = {
  ...common,
  serviceId: service.id,
  serviceName: service.name,
};
const task: TaskInfoJson = {
  sourceAppName: `src${X}`,
  taskId: `t${X}`,
  instanceId: `TI-${X}`,
  executorId: `exec${X}`,
  hostname: `host${X}`,
  executable: { type: 'DOCKER', url: `image${X}`, dockerPullTimeout: '1 minute' },
  resources: common.resources,
  env: { [X]: X },
  state: 'RUNNING',
  metadata: { m: X },
  errorMessage: X,
  created: 1,
  updated: 2,
};
const node: ExecutorNodeDataJson = {
  type: 'EXECUTOR',
  hostname: `host${X}`,
  port: 3000,
  transportType: 'HTTP',
  updated: 2,
  state: {
    executorId: `exec${X}`,
    cpus: { type: 'CPU', freeCores: { '0': [2, 3] }, usedCores: { '0': [1] } },
    memory: { type: 'MEMORY', freeMemory: { '0': 900 }, usedMemory: { '0': 100 } },
    layout: { cores: { '0': [1, 2, 3] }, memory: { '0': 1000 } },
  },
  instances: [instance],
  tasks: [task],
  serviceInstances: [serviceInstance],
  tags: [X],
  metadata: { [X]: X },
  executorState: 'ACTIVE',
};
const executors = listedExecutors([node], []);
const dashboard = dashboardData({
  summary,
  apps: [],
  tasks: [task],
  executors: [node],
  now: 10,
  services: [service],
});
const spec = { name: X, configs: [{ type: 'INLINE', localFilename: X, data: '' }] };
const running = { instances: [instance], tasks: [task], serviceInstances: [serviceInstance] };

const pages: [string, SafeHtml][] = [
  ['overview', overviewPage({ summary, apps: [app], services: [service], executors })],
  ['dashboard', dashboardPage(dashboard)],
  ['applications', applicationsPage([app])],
  [
    'application',
    applicationPage({ summary: app, maskedSpec: spec as never, active: [instance], old: [instance] }),
  ],
  ['instance', instancePage('applications', app.id, instance.instanceId, instance)],
  [
    'service instance',
    instancePage('localservices', service.id, serviceInstance.instanceId, serviceInstance),
  ],
  ['tasks', tasksPage([task])],
  ['task', taskPage(task.sourceAppName, task.taskId, { maskedInfo: task, maskedSpec: spec as never })],
  ['local services', localServicesPage([service])],
  [
    'local service',
    localServicePage({
      summary: service,
      maskedSpec: spec as unknown as LocalServiceSpecJson,
      active: [serviceInstance],
      old: [],
    }),
  ],
  ['cluster', clusterPage(summary, executors)],
  ['executor', executorPage(node.state.executorId, node, false, running)],
];

describe('every page renders values from specs, requests and executors as text', () => {
  it.each(pages)('%s', (_, page) => {
    expect(page.markup).toMatch(/^<!DOCTYPE html>/);
    expect(page.markup).not.toContain('<img');
    expect(page.markup).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;');
  });
});

describe('page details', () => {
  it('links an instance to its app with the ids percent-encoded, and lists the cores and memory of each NUMA node', () => {
    const markup = executorPage(node.state.executorId, node, false, running).markup;
    expect(markup).toContain(
      `href="/applications/${encodeURIComponent(app.id).replace(/'/g, '&#39;')}/instances/`,
    );
    expect(markup).toContain('<td>0</td><td>2,3</td><td>1</td><td>900</td><td>100</td>');
  });

  it('marks an executor that is gone REMOVED, and says so of one never seen', () => {
    expect(executorPage('e-1', node, true, running).markup).toContain('state-REMOVED');
    expect(executorPage('e-2', undefined, false, running).markup).toContain('No executor e-2 is known.');
  });

  it('shows a task no executor reported on yet, and says so of an unknown one', () => {
    expect(taskPage('src', 't1', { maskedSpec: spec as never }).markup).toContain(
      'No executor has reported on this task yet.',
    );
    expect(taskPage('src', 't2', undefined).markup).toContain('No task t2 of src is known.');
  });

  it('lists only the states something is in on the dashboard, and says None for empty tables', () => {
    const markup = dashboardPage(dashboard).markup;
    expect(markup).toContain('state-RUNNING');
    expect(markup).not.toContain('state-SCALING_REQUESTED');
    expect(applicationsPage([]).markup).toContain('No applications');
  });
});
