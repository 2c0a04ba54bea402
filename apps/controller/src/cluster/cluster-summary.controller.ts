import { Controller, Get } from '@nestjs/common';
import { ApiResponse, success } from '../http/api-response';
import { ClusterSummary } from './cluster-summary';
import { ClusterSummaryService } from './cluster-summary.service';
import { DashboardData } from './dashboard-data';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ClusterSummaryDto } from '../openapi/schemas/cluster.dto';
import { DashboardDataDto } from '../openapi/schemas/dashboard.dto';

/**
 * `GET /apis/v1/cluster` and `/cluster/dashboard`. Drove serves both from a cache refreshed every 30 s (FAILED
 * before the first refresh); here they are never stale, and a cluster of thousands of apps costs a pass over the
 * in-memory view per call.
 */
@ApiTags('cluster')
@Controller('apis/v1/cluster')
export class ClusterSummaryController {
  constructor(private readonly summaries: ClusterSummaryService) {}

  @Get()
  @ApiEnvelope(ClusterSummaryDto)
  async summary(): Promise<ApiResponse<ClusterSummary>> {
    return success(await this.summaries.summary());
  }

  @Get('dashboard')
  @ApiEnvelope(DashboardDataDto)
  async dashboard(): Promise<ApiResponse<DashboardData>> {
    return success(await this.summaries.dashboard());
  }
}
