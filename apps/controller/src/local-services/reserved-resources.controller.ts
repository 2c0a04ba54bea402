import { Controller, Get } from '@nestjs/common';
import { cpuCount, memoryInMB } from '@drove/domain';
import { Roles } from '../auth/route-access';
import { ApiResponse, success } from '../http/api-response';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { LocalServiceInstanceResourcesDto } from '../openapi/schemas/local-service.dto';
import { LocalServiceInstanceResources, RESOURCE_USING_SERVICE_STATES } from './local-service-summary';

/**
 * `GET /apis/v1/internal/cluster/resources/reserved` (cluster nodes only): Drove's executor asks it on start and
 * stays UNREADY until it runs `instancesPerHost` HEALTHY instances of each service listed.
 */
@ApiTags('localservices')
@Controller('apis/v1/internal/cluster/resources')
@Roles('NODE')
export class ReservedResourcesController {
  constructor(private readonly clusterView: ClusterViewService) {}

  @Get('reserved')
  @ApiEnvelope(LocalServiceInstanceResourcesDto)
  reserved(): ApiResponse<LocalServiceInstanceResources> {
    const using = this.clusterView.view
      .localServices()
      .filter((s) => s.state !== undefined && RESOURCE_USING_SERVICE_STATES.includes(s.state) && s.spec);
    const sum = (pick: (resources: Parameters<typeof cpuCount>[0]) => number) =>
      using.reduce((total, s) => total + pick(s.spec?.resources ?? []) * s.instancesPerHost, 0);
    return success({
      cpus: sum(cpuCount),
      memory: sum(memoryInMB),
      requiredInstances: Object.fromEntries(using.map((s) => [s.serviceId as string, s.instancesPerHost])),
    });
  }
}
