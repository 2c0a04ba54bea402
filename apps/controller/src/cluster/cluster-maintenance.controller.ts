import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CLUSTER_STREAM, Clock, ClusterCommand, ClusterState, clusterDecider } from '@drove/domain';
import { requestActor } from '../cqrs/request-actor';
import { Roles } from '../auth/route-access';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, CONTROLLER_HOSTNAME } from '../event-store/event-store.tokens';
import { ApiResponse, success } from '../http/api-response';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ClusterStateDataDto } from '../openapi/schemas/cluster.dto';

/** Drove's ClusterStateData. */
export interface ClusterStateData {
  state: ClusterState;
  updated?: number;
}

/**
 * Maintenance mode: while set (and for 40 s after any change) operations are refused. Setting the mode the
 * cluster is already in changes nothing and answers the current state.
 */
@ApiTags('cluster')
@Controller('apis/v1/cluster/maintenance')
@Roles('MAINT')
export class ClusterMaintenanceController {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTROLLER_HOSTNAME) private readonly hostname: string,
  ) {}

  @Post('set')
  @HttpCode(200)
  @ApiEnvelope(ClusterStateDataDto)
  set(@Req() request: FastifyRequest): Promise<ApiResponse<ClusterStateData>> {
    return this.change('SetMaintenanceMode', request);
  }

  @Post('unset')
  @HttpCode(200)
  @ApiEnvelope(ClusterStateDataDto)
  unset(@Req() request: FastifyRequest): Promise<ApiResponse<ClusterStateData>> {
    return this.change('UnsetMaintenanceMode', request);
  }

  private async change(
    type: Exclude<ClusterCommand['type'], 'RecordLeadership'>,
    request: FastifyRequest,
  ): Promise<ApiResponse<ClusterStateData>> {
    const command = { type, hostname: this.hostname, at: this.clock.now() };
    await this.pipeline.execute(clusterDecider, CLUSTER_STREAM, command, {
      actor: requestActor(request),
    });
    const { state } = await this.pipeline.load(clusterDecider, CLUSTER_STREAM);
    return success({ state: state.state, updated: state.updated });
  }
}
