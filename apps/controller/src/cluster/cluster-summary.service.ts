import { Inject, Injectable } from '@nestjs/common';
import { ACTIVE_TASK_STATES, Clock } from '@drove/domain';
import { CLOCK } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { healthyInstanceIdsOf } from '../projections/instance-queries';
import { ClusterViewService } from '../projections/cluster-view.service';
import { localServiceSummary } from '../local-services/local-service-summary';
import { ClusterSummary, clusterSummary } from './cluster-summary';
import { DashboardData, dashboardData } from './dashboard-data';

/**
 * Drove's ClusterSummary and DashboardData, computed on each call from the cluster view and the executor
 * registry, for the API and the UI alike.
 */
@Injectable()
export class ClusterSummaryService {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(LEADERSHIP_VIEW) private readonly leadership: LeadershipView,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async summary(): Promise<ClusterSummary> {
    const view = this.clusterView.view;
    return clusterSummary({
      leaderBaseUrl: await this.leadership.leaderBaseUrl(),
      state: view.cluster.state,
      executors: this.registry.all(),
      apps: view.applications(),
      services: view.localServices(),
      activeTasks: view.tasks.all().filter((t) => t.state && ACTIVE_TASK_STATES.includes(t.state)).length,
    });
  }

  async dashboard(): Promise<DashboardData> {
    const view = this.clusterView.view;
    return dashboardData({
      summary: await this.summary(),
      apps: view.applications().map((app) => ({
        app,
        healthyInstances: app.appId ? healthyInstanceIdsOf(view, app.appId).length : 0,
      })),
      tasks: view.tasks.all().flatMap((t) => (t.info ? [t.info] : [])),
      executors: this.registry.all(),
      now: this.clock.now(),
      services: view
        .localServices()
        .map((service) => localServiceSummary(service, view.serviceInstancesOf(service.serviceId as string))),
    });
  }
}
