import { Controller, Get, Inject, Optional, Param, Query } from '@nestjs/common';
import {
  ApplicationSpecDto,
  ApplicationSpecJson,
  INSTANCE_STATES,
  InstanceInfoJson,
  maskSpec,
} from '@drove/domain';
import { ApiResponse, failure, success } from '../http/api-response';
import { pageParam } from '../http/page-param';
import { AppSummary, appSummary } from '../projections/app-summary';
import { LIMITS, LimitsConfig } from '../limits/limits.config';
import { pageSizeParam } from '../limits/spec-limits';
import { ClusterViewService } from '../projections/cluster-view.service';
import { healthyInstanceIdsOf, isActiveInstance, reportedInstancesOf } from '../projections/instance-queries';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiIntegerQuery } from '../openapi/api-envelope';
import { AppSummaryDto } from '../openapi/schemas/app-summary.dto';
import { InstanceInfoDto } from '../openapi/schemas/instance-info.dto';

/** Reads answer from the cluster view only (CQRS): never from the log or the aggregates. */
@ApiTags('applications')
@Controller('apis/v1/applications')
export class ApplicationQueriesController {
  constructor(
    private readonly clusterView: ClusterViewService,
    @Optional() @Inject(LIMITS) private readonly limits: LimitsConfig = new LimitsConfig(),
  ) {}

  @Get()
  @ApiIntegerQuery('from', 'Skip this many apps')
  @ApiIntegerQuery('size', 'At most this many apps')
  @ApiEnvelope({ mapOf: AppSummaryDto })
  list(@Query('from') from?: string, @Query('size') size?: string): ApiResponse<Record<string, AppSummary>> {
    const start = pageParam('from', from, 0);
    const count = pageSizeParam(size, this.limits);
    const page = this.clusterView.view.applications().slice(start, start + count);
    return success(
      Object.fromEntries(page.map((app) => [app.appId as string, this.summaryOf(app.appId as string)])),
    );
  }

  @Get(':appId')
  @ApiEnvelope(AppSummaryDto)
  summary(@Param('appId') appId: string): ApiResponse<AppSummary> {
    return this.clusterView.view.application(appId)
      ? success(this.summaryOf(appId))
      : failure(`App ${appId} not found`);
  }

  @Get(':appId/spec')
  @ApiEnvelope(ApplicationSpecDto)
  spec(@Param('appId') appId: string): ApiResponse<ApplicationSpecJson> {
    const spec = this.clusterView.view.application(appId)?.spec;
    return spec ? success(maskSpec(spec)) : failure(`App ${appId} not found`);
  }

  /**
   * Active instances, optionally only those in the `state`s asked for (a non-active state gives []). Unlike Drove,
   * no 60 s staleness filter: the view holds the last reported state change, not the periodic refresh.
   */
  @Get(':appId/instances')
  @ApiQuery({ name: 'state', required: false, enum: INSTANCE_STATES, isArray: true })
  @ApiEnvelope([InstanceInfoDto])
  instances(
    @Param('appId') appId: string,
    @Query('state') state?: string | string[],
  ): ApiResponse<InstanceInfoJson[]> {
    const wanted = state === undefined ? undefined : ([] as string[]).concat(state);
    const active = reportedInstancesOf(this.clusterView.view, appId).filter(isActiveInstance);
    return success(wanted ? active.filter((i) => wanted.includes(i.state)) : active);
  }

  /** Instances in non-active states (STOPPED, LOST, *_FAILED, UNKNOWN); paged by `start`, as Drove names it. */
  @Get(':appId/instances/old')
  @ApiIntegerQuery('start', 'Skip this many instances')
  @ApiIntegerQuery('size', 'At most this many instances')
  @ApiEnvelope([InstanceInfoDto])
  oldInstances(
    @Param('appId') appId: string,
    @Query('start') start?: string,
    @Query('size') size?: string,
  ): ApiResponse<InstanceInfoJson[]> {
    const first = pageParam('start', start, 0);
    const count = pageSizeParam(size, this.limits);
    const old = reportedInstancesOf(this.clusterView.view, appId).filter((i) => !isActiveInstance(i));
    return success(old.slice(first, first + count));
  }

  @Get(':appId/instances/:instanceId')
  @ApiEnvelope(InstanceInfoDto)
  instance(
    @Param('appId') appId: string,
    @Param('instanceId') instanceId: string,
  ): ApiResponse<InstanceInfoJson> {
    const found = reportedInstancesOf(this.clusterView.view, appId).find((i) => i.instanceId === instanceId);
    return found ? success(found) : failure(`No such application instance ${appId}/${instanceId}`);
  }

  private summaryOf(appId: string): AppSummary {
    const view = this.clusterView.view;
    const app = view.application(appId);
    if (!app) throw new Error(`no app ${appId} in the view`);
    return appSummary(app, healthyInstanceIdsOf(view, appId).length);
  }
}
