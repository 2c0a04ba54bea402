import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Clock, ExecutorNodeDataJson } from '@drove/domain';
import { CLOCK } from '../event-store/event-store.tokens';
import { ApiResponse, failure, success } from '../http/api-response';
import { ExecutorRegistry } from './executor-registry';
import { ExecutorSummary, listedExecutors } from './executor-summary';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ExecutorNodeDataDto, ExecutorSummaryDto } from '../openapi/schemas/executor.dto';

/** Executors as the registry holds them (live node data), plus those gone within two days as REMOVED. */
@ApiTags('executors')
@Controller('apis/v1/cluster/executors')
export class ExecutorsController {
  constructor(
    private readonly registry: ExecutorRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiEnvelope([ExecutorSummaryDto])
  list(): ApiResponse<ExecutorSummary[]> {
    return success(listedExecutors(this.registry.all(), this.registry.recentlyRemoved(this.clock.now())));
  }

  @Get(':executorId')
  @ApiEnvelope(ExecutorNodeDataDto)
  executor(@Param('executorId') executorId: string): ApiResponse<ExecutorNodeDataJson> {
    const data = this.registry.get(executorId);
    return data ? success(data) : failure(`No executor found with id: ${executorId}`);
  }
}
