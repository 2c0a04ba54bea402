import { Controller, Get, Inject } from '@nestjs/common';
import { ACTIVE_TASK_STATES } from '@drove/domain';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ApiResponse, success } from '../http/api-response';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ClusterSummary, clusterSummary } from './cluster-summary';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ClusterSummaryDto } from '../openapi/schemas/cluster.dto';

/**
 * `GET /apis/v1/cluster`, computed on each call from the cluster view and the executor registry. Drove serves it
 * from a dashboard cache refreshed every 30 s (FAILED before the first refresh); here it is never stale.
 */
@ApiTags('cluster')
@Controller('apis/v1/cluster')
export class ClusterSummaryController {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(LEADERSHIP_VIEW) private readonly leadership: LeadershipView,
  ) {}

  @Get()
  @ApiEnvelope(ClusterSummaryDto)
  async summary(): Promise<ApiResponse<ClusterSummary>> {
    const view = this.clusterView.view;
    return success(
      clusterSummary({
        leaderBaseUrl: await this.leadership.leaderBaseUrl(),
        state: view.cluster.state,
        executors: this.registry.all(),
        apps: view.applications(),
        activeTasks: view.tasks.all().filter((t) => t.state && ACTIVE_TASK_STATES.includes(t.state)).length,
      }),
    );
  }
}
