import { Controller, Get, Inject, Optional, Param, Query } from '@nestjs/common';
import {
  INSTANCE_STATES,
  LocalServiceInstanceInfoJson,
  LocalServiceSpecDto,
  LocalServiceSpecJson,
  maskSpec,
} from '@drove/domain';
import { ApiResponse, failure, success } from '../http/api-response';
import { pageParam } from '../http/page-param';
import { LIMITS, LimitsConfig } from '../limits/limits.config';
import { pageSizeParam } from '../limits/spec-limits';
import { ClusterViewService } from '../projections/cluster-view.service';
import { isActiveInstance, reportedServiceInstancesOf } from '../projections/instance-queries';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiIntegerQuery } from '../openapi/api-envelope';
import { LocalServiceInstanceInfoDto } from '../openapi/schemas/instance-info.dto';
import { LocalServiceSummaryDto } from '../openapi/schemas/local-service.dto';
import { LocalServiceSummary, localServiceSummary } from './local-service-summary';

const notFound = <T>(serviceId: string): ApiResponse<T> => failure(`Local service ${serviceId} not found`);

/** Reads answer from the cluster view only, as for applications. */
@ApiTags('localservices')
@Controller('apis/v1/localservices')
export class LocalServiceQueriesController {
  constructor(
    private readonly clusterView: ClusterViewService,
    @Optional() @Inject(LIMITS) private readonly limits: LimitsConfig = new LimitsConfig(),
  ) {}

  @Get()
  @ApiIntegerQuery('from', 'Skip this many services')
  @ApiIntegerQuery('size', 'At most this many services')
  @ApiEnvelope({ mapOf: LocalServiceSummaryDto })
  list(
    @Query('from') from?: string,
    @Query('size') size?: string,
  ): ApiResponse<Record<string, LocalServiceSummary>> {
    const start = pageParam('from', from, 0);
    const count = pageSizeParam(size, this.limits);
    const page = this.clusterView.view.localServices().slice(start, start + count);
    return success(
      Object.fromEntries(page.map((s) => [s.serviceId as string, this.summaryOf(s.serviceId as string)])),
    );
  }

  @Get(':serviceId')
  @ApiEnvelope(LocalServiceSummaryDto)
  summary(@Param('serviceId') serviceId: string): ApiResponse<LocalServiceSummary> {
    return this.clusterView.view.localService(serviceId)
      ? success(this.summaryOf(serviceId))
      : notFound(serviceId);
  }

  @Get(':serviceId/spec')
  @ApiEnvelope(LocalServiceSpecDto)
  spec(@Param('serviceId') serviceId: string): ApiResponse<LocalServiceSpecJson> {
    const spec = this.clusterView.view.localService(serviceId)?.spec;
    return spec ? success(maskSpec(spec)) : notFound(serviceId);
  }

  /** Active instances, optionally only those in the `state`s asked for (a non-active state gives []). */
  @Get(':serviceId/instances')
  @ApiQuery({ name: 'state', required: false, enum: INSTANCE_STATES, isArray: true })
  @ApiEnvelope([LocalServiceInstanceInfoDto])
  instances(
    @Param('serviceId') serviceId: string,
    @Query('state') state?: string | string[],
  ): ApiResponse<LocalServiceInstanceInfoJson[]> {
    const wanted = state === undefined ? undefined : ([] as string[]).concat(state);
    const active = this.reported(serviceId).filter(isActiveInstance);
    return success(wanted ? active.filter((i) => wanted.includes(i.state)) : active);
  }

  /** Instances in non-active states; Drove does not page this list. */
  @Get(':serviceId/instances/old')
  @ApiEnvelope([LocalServiceInstanceInfoDto])
  oldInstances(@Param('serviceId') serviceId: string): ApiResponse<LocalServiceInstanceInfoJson[]> {
    return success(this.reported(serviceId).filter((i) => !isActiveInstance(i)));
  }

  @Get(':serviceId/instances/:instanceId')
  @ApiEnvelope(LocalServiceInstanceInfoDto)
  instance(
    @Param('serviceId') serviceId: string,
    @Param('instanceId') instanceId: string,
  ): ApiResponse<LocalServiceInstanceInfoJson> {
    const found = this.reported(serviceId).find((i) => i.instanceId === instanceId);
    return found ? success(found) : failure(`No such local service instance ${serviceId}/${instanceId}`);
  }

  private reported(serviceId: string): LocalServiceInstanceInfoJson[] {
    return reportedServiceInstancesOf(this.clusterView.view, serviceId);
  }

  private summaryOf(serviceId: string): LocalServiceSummary {
    const view = this.clusterView.view;
    const service = view.localService(serviceId);
    if (!service) throw new Error(`no local service ${serviceId} in the view`);
    return localServiceSummary(service, view.serviceInstancesOf(serviceId));
  }
}
