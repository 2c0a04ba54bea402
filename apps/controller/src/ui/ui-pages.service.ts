import { Inject, Injectable } from '@nestjs/common';
import { ACTIVE_TASK_STATES, Clock, InstanceState, maskSpec } from '@drove/domain';
import { ClusterSummaryService } from '../cluster/cluster-summary.service';
import { CLOCK } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { listedExecutors } from '../executors/executor-summary';
import { localServiceSummary } from '../local-services/local-service-summary';
import { appSummary } from '../projections/app-summary';
import { ClusterViewService } from '../projections/cluster-view.service';
import {
  healthyInstanceIdsOf,
  isActiveInstance,
  reportedInstancesOf,
  reportedServiceInstancesOf,
} from '../projections/instance-queries';
import { SafeHtml } from './html';
import { applicationPage } from './pages/application.page';
import { applicationsPage } from './pages/applications.page';
import { clusterPage } from './pages/cluster.page';
import { dashboardPage } from './pages/dashboard.page';
import { executorPage, OnExecutor } from './pages/executor.page';
import { instancePage } from './pages/instance.page';
import { localServicePage } from './pages/local-service.page';
import { localServicesPage } from './pages/local-services.page';
import { overviewPage } from './pages/overview.page';
import { taskPage } from './pages/task.page';
import { tasksPage } from './pages/tasks.page';

/**
 * A page, or Drove's 303 elsewhere (an unknown app or local service goes to `/`). An unknown instance, task or
 * executor is a page saying so, with 200 as Drove's (and as the API's `FAILED` lookups).
 */
export type UiAnswer = { page: SafeHtml } | { redirect: string };

const ok = (page: SafeHtml): UiAnswer => ({ page });
const HOME: UiAnswer = { redirect: '/' };

/**
 * The UI's pages, from the same cluster view, executor registry and summaries the API answers from; specs go
 * through `maskSpec` as in `GET .../spec`, so a page shows no secret the API would not.
 */
@Injectable()
export class UiPagesService {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    private readonly summaries: ClusterSummaryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async overview(): Promise<UiAnswer> {
    return ok(
      overviewPage({
        summary: await this.summaries.summary(),
        apps: this.appSummaries(),
        services: this.serviceSummaries(),
        executors: this.executors(),
      }),
    );
  }

  async dashboard(): Promise<UiAnswer> {
    return ok(dashboardPage(await this.summaries.dashboard()));
  }

  applications(): UiAnswer {
    return ok(applicationsPage(this.appSummaries()));
  }

  application(appId: string): UiAnswer {
    const view = this.clusterView.view;
    const app = view.application(appId);
    if (!app?.spec) return HOME;
    const instances = reportedInstancesOf(view, appId);
    return ok(
      applicationPage({
        summary: appSummary(app, healthyInstanceIdsOf(view, appId).length),
        maskedSpec: maskSpec(app.spec),
        active: instances.filter(isActiveInstance),
        old: instances.filter((i) => !isActiveInstance(i)),
      }),
    );
  }

  instance(appId: string, instanceId: string): UiAnswer {
    const view = this.clusterView.view;
    if (!view.application(appId)) return HOME;
    const info = reportedInstancesOf(view, appId).find((i) => i.instanceId === instanceId);
    return ok(instancePage('applications', appId, instanceId, info));
  }

  serviceInstance(serviceId: string, instanceId: string): UiAnswer {
    const view = this.clusterView.view;
    if (!view.localService(serviceId)) return HOME;
    const info = reportedServiceInstancesOf(view, serviceId).find((i) => i.instanceId === instanceId);
    return ok(instancePage('localservices', serviceId, instanceId, info));
  }

  tasks(): UiAnswer {
    return ok(tasksPage(this.clusterView.view.tasks.all().flatMap((t) => (t.info ? [t.info] : []))));
  }

  task(sourceAppName: string, taskId: string): UiAnswer {
    const task = this.clusterView.view.tasks.task(sourceAppName, taskId);
    const facts = task && {
      maskedInfo: task.info && maskSpec(task.info),
      maskedSpec: task.spec && maskSpec(task.spec),
    };
    return ok(taskPage(sourceAppName, taskId, facts));
  }

  localServices(): UiAnswer {
    return ok(localServicesPage(this.serviceSummaries()));
  }

  localService(serviceId: string): UiAnswer {
    const view = this.clusterView.view;
    const service = view.localService(serviceId);
    if (!service?.spec) return HOME;
    const instances = reportedServiceInstancesOf(view, serviceId);
    return ok(
      localServicePage({
        summary: localServiceSummary(service, view.serviceInstancesOf(serviceId)),
        maskedSpec: maskSpec(service.spec),
        active: instances.filter(isActiveInstance),
        old: instances.filter((i) => !isActiveInstance(i)),
      }),
    );
  }

  async cluster(): Promise<UiAnswer> {
    return ok(clusterPage(await this.summaries.summary(), this.executors()));
  }

  executor(executorId: string): UiAnswer {
    const live = this.registry.get(executorId);
    const data = live ?? this.registry.lastRemoved(executorId);
    return ok(executorPage(executorId, data, live === undefined, this.runningOn(executorId)));
  }

  private appSummaries() {
    const view = this.clusterView.view;
    return view
      .applications()
      .map((app) => appSummary(app, healthyInstanceIdsOf(view, app.appId as string).length));
  }

  private serviceSummaries() {
    const view = this.clusterView.view;
    return view
      .localServices()
      .map((s) => localServiceSummary(s, view.serviceInstancesOf(s.serviceId as string)));
  }

  /** Active instances and tasks the view places on the executor. */
  private runningOn(executorId: string): OnExecutor {
    const view = this.clusterView.view;
    const here = <T extends { executorId: string; state: InstanceState }>(infos: T[]) =>
      infos.filter((i) => i.executorId === executorId && isActiveInstance(i));
    return {
      instances: view.applications().flatMap((app) => here(reportedInstancesOf(view, app.appId as string))),
      tasks: view.tasks
        .all()
        .flatMap((t) =>
          t.info?.executorId === executorId && ACTIVE_TASK_STATES.includes(t.info.state) ? [t.info] : [],
        ),
      serviceInstances: view
        .localServices()
        .flatMap((s) => here(reportedServiceInstancesOf(view, s.serviceId as string))),
    };
  }

  private executors() {
    return listedExecutors(this.registry.all(), this.registry.recentlyRemoved(this.clock.now()));
  }
}
