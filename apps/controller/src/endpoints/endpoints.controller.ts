import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Clock } from '@drove/domain';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { CLOCK } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { INSTANCE_STALENESS_MS, lastHeardOf } from '../executors/instance-heard-of';
import { ApiResponse, success } from '../http/api-response';
import { ClusterViewService } from '../projections/cluster-view.service';
import { reportedInstancesOf } from '../projections/instance-queries';
import { ExposedAppInfo, exposedApps } from './exposed-app-info';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ExposedAppInfoDto } from '../openapi/schemas/endpoints.dto';

/** Drove's router feed: exposed apps and their healthy hosts, from the cluster view and the executors' snapshots. */
@ApiTags('endpoints')
@Controller('apis/v1/endpoints')
export class EndpointsController {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    private readonly maintenance: MaintenanceWindow,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INSTANCE_STALENESS_MS) private readonly stalenessMs: number,
  ) {}

  @Get()
  @ApiQuery({ name: 'app', required: false, type: [String], description: 'Only these app names' })
  @ApiEnvelope([ExposedAppInfoDto])
  all(@Query('app') app?: string | string[]): ApiResponse<ExposedAppInfo[]> {
    return success(this.exposed(app === undefined ? undefined : ([] as string[]).concat(app)));
  }

  @Get('app/:appName')
  @ApiEnvelope([ExposedAppInfoDto])
  ofApp(@Param('appName') appName: string): ApiResponse<ExposedAppInfo[]> {
    return success(this.exposed([appName]));
  }

  private exposed(names: string[] | undefined): ExposedAppInfo[] {
    const view = this.clusterView.view;
    const now = this.clock.now();
    return exposedApps({
      apps: view.applications(),
      instancesOf: (appId) => reportedInstancesOf(view, appId),
      lastHeardOf: (info) => {
        const instance = view.instance(info.instanceId);
        return instance ? lastHeardOf(instance, this.registry) : 0;
      },
      stalenessMs: this.stalenessMs,
      now,
      inMaintenanceWindow: this.maintenance.covers(view.cluster, now),
      names,
    });
  }
}
