import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApplicationSpecJson, maskSpec } from '@drove/domain';
import { ApiResponse, failure, success } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { AppSummary, appSummary } from '../projections/app-summary';
import { ClusterViewService } from '../projections/cluster-view.service';

const MAX_PAGE = 2147483646;

function pageParam(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE) {
    throw new CommandValidationError([`${name} must be an integer between 0 and ${MAX_PAGE}`]);
  }
  return value;
}

/** Reads answer from the cluster view only (CQRS): never from the log or the aggregates. */
@Controller('apis/v1/applications')
export class ApplicationQueriesController {
  constructor(private readonly clusterView: ClusterViewService) {}

  @Get()
  list(@Query('from') from?: string, @Query('size') size?: string): ApiResponse<Record<string, AppSummary>> {
    const start = pageParam('from', from, 0);
    const count = pageParam('size', size, MAX_PAGE);
    const page = this.clusterView.view.applications().slice(start, start + count);
    return success(Object.fromEntries(page.map((app) => [app.appId as string, appSummary(app)])));
  }

  @Get(':appId')
  summary(@Param('appId') appId: string): ApiResponse<AppSummary> {
    const app = this.clusterView.view.application(appId);
    return app ? success(appSummary(app)) : failure(`App ${appId} not found`);
  }

  @Get(':appId/spec')
  spec(@Param('appId') appId: string): ApiResponse<ApplicationSpecJson> {
    const spec = this.clusterView.view.application(appId)?.spec;
    return spec ? success(maskSpec(spec)) : failure(`App ${appId} not found`);
  }

  /** Always empty: no executor runs instances yet, so the view has none. */
  @Get(':appId/instances')
  instances(): ApiResponse<unknown[]> {
    return success([]);
  }

  /** Always empty, as above. */
  @Get(':appId/instances/old')
  oldInstances(): ApiResponse<unknown[]> {
    return success([]);
  }

  @Get(':appId/instances/:instanceId')
  instance(@Param('appId') appId: string, @Param('instanceId') instanceId: string): ApiResponse<never> {
    return failure(`No such application instance ${appId}/${instanceId}`);
  }
}
