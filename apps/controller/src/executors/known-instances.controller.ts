import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecutorNodeDataJson } from '@drove/domain';
import { Roles } from '../auth/route-access';
import { ApiResponse, failure, success } from '../http/api-response';
import { ApiEnvelope } from '../openapi/api-envelope';
import { KnownInstancesDataDto } from '../openapi/schemas/executor.dto';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ExecutorRegistry } from './executor-registry';
import { KnownInstancesData, knownInstances } from './known-instances';

/**
 * What Drove's executor asks to reconcile what it runs with the log: `last` from the snapshot it had when it was
 * last seen removed (a restarted executor), `current` from its live snapshot. Cluster nodes only.
 */
@ApiTags('executors')
@Controller('apis/v1/internal/cluster/executors')
@Roles('NODE')
export class KnownInstancesController {
  constructor(
    private readonly registry: ExecutorRegistry,
    private readonly clusterView: ClusterViewService,
  ) {}

  @Get(':executorId/instances/last')
  @ApiEnvelope(KnownInstancesDataDto)
  last(@Param('executorId') executorId: string): ApiResponse<KnownInstancesData> {
    return this.answer(executorId, this.registry.lastRemoved(executorId));
  }

  @Get(':executorId/instances/current')
  @ApiEnvelope(KnownInstancesDataDto)
  current(@Param('executorId') executorId: string): ApiResponse<KnownInstancesData> {
    return this.answer(executorId, this.registry.get(executorId));
  }

  private answer(
    executorId: string,
    data: ExecutorNodeDataJson | undefined,
  ): ApiResponse<KnownInstancesData> {
    return data
      ? success(knownInstances(data, this.clusterView.view))
      : failure(`No data found for executor ${executorId}`);
  }
}
