import { Controller, Get, Inject } from '@nestjs/common';
import { ACTIVE_TASK_STATES, Clock } from '@drove/domain';
import { CLOCK } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ApiResponse, success } from '../http/api-response';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { healthyInstanceIdsOf } from '../projections/instance-queries';
import { ClusterViewService } from '../projections/cluster-view.service';
import { localServiceSummary } from '../local-services/local-service-summary';
import { ClusterSummary, clusterSummary } from './cluster-summary';
import { DashboardData, dashboardData } from './dashboard-data';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ClusterSummaryDto } from '../openapi/schemas/cluster.dto';
import { DashboardDataDto } from '../openapi/schemas/dashboard.dto';

/**
 * `GET /apis/v1/cluster` and `/cluster/dashboard`, computed on each call from the cluster view and the executor
 * registry. Drove serves both from a cache refreshed every 30 s (FAILED before the first refresh); here they are
 * never stale, and a cluster of thousands of apps costs a pass over the in-memory view per call.
 */
@ApiTags('cluster')
@Controller('apis/v1/cluster')
export class ClusterSummaryController {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(LEADERSHIP_VIEW) private readonly leadership: LeadershipView,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiEnvelope(ClusterSummaryDto)
  async summary(): Promise<ApiResponse<ClusterSummary>> {
    return success(await this.currentSummary());
  }

  @Get('dashboard')
  @ApiEnvelope(DashboardDataDto)
  async dashboard(): Promise<ApiResponse<DashboardData>> {
    const view = this.clusterView.view;
    return success(
      dashboardData({
        summary: await this.currentSummary(),
        apps: view.applications().map((app) => ({
          app,
          healthyInstances: app.appId ? healthyInstanceIdsOf(view, app.appId).length : 0,
        })),
        tasks: view.tasks.all().flatMap((t) => (t.info ? [t.info] : [])),
        executors: this.registry.all(),
        now: this.clock.now(),
        services: view
          .localServices()
          .map((service) =>
            localServiceSummary(service, view.serviceInstancesOf(service.serviceId as string)),
          ),
      }),
    );
  }

  private async currentSummary(): Promise<ClusterSummary> {
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
}
