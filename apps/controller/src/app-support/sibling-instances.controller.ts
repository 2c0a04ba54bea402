import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import {
  ACTIVE_INSTANCE_STATES,
  Clock,
  INSTANCE_STATES,
  InstanceInfoJson,
  InstanceState,
  RUNNING_INSTANCE_STATES,
} from '@drove/domain';
import { ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { INSTANCE_AUTH } from '@drove/openapi';
import { InstanceTokenClaims } from '../auth/instance-token';
import { CLOCK } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { INSTANCE_STALENESS_MS, lastHeardOf } from '../executors/instance-heard-of';
import { principalOf } from '../auth/principal';
import { Roles } from '../auth/route-access';
import { ApiResponse, failure, success } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { ApiEnvelope } from '../openapi/api-envelope';
import { InstanceInfoDto } from '../openapi/schemas/instance-info.dto';
import { ClusterViewService } from '../projections/cluster-view.service';
import { reportedInstancesOf, stateOf } from '../projections/instance-queries';

export const NOT_AN_INSTANCE =
  'This api is applicable for calls by app instances from inside the cluster only';
export const INVALID_INSTANCE_TOKEN =
  'Please send valid token for you app instance. ' +
  'The token value is available in the DROVE_APP_INSTANCE_AUTH_TOKEN environment variable';

/**
 * Drove's AppSupport: sibling discovery for app instances (Hazelcast-style clustering). The edge has checked the
 * token's signature; here the instance it names must still be alive, on the executor it was started on. As in
 * Drove, instances not heard of within the staleness (60 s) are left out.
 */
@ApiTags('app support')
@ApiSecurity(INSTANCE_AUTH)
@Controller('apis/v1/internal')
@Roles('APPI')
export class SiblingInstancesController {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INSTANCE_STALENESS_MS) private readonly stalenessMs: number,
  ) {}

  @Get('instances')
  @ApiQuery({
    name: 'state',
    required: false,
    enum: INSTANCE_STATES,
    isArray: true,
    description: 'Default: running',
  })
  @ApiQuery({ name: 'forApp', required: false, type: Boolean, description: 'Every version of the app' })
  @ApiEnvelope([InstanceInfoDto])
  siblings(
    @Req() request: FastifyRequest,
    @Query('state') state?: string | string[],
    @Query('forApp') forApp?: string,
  ): ApiResponse<InstanceInfoJson[]> {
    const claims = principalOf(request)?.instance;
    if (!claims) return failure(NOT_AN_INSTANCE);
    if (!this.isAlive(claims)) return failure(INVALID_INSTANCE_TOKEN);
    const wanted = statesOf(state);
    const appIds = forApp?.toLowerCase() === 'true' ? this.versionsOf(claims.appId) : [claims.appId];
    return success(
      appIds
        .flatMap((appId) => reportedInstancesOf(this.clusterView.view, appId))
        .filter((i) => wanted.includes(i.state) && this.isFresh(i.instanceId))
        .sort((a, b) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0)),
    );
  }

  private isFresh(instanceId: string): boolean {
    const instance = this.clusterView.view.instance(instanceId);
    return !!instance && this.clock.now() - lastHeardOf(instance, this.registry) <= this.stalenessMs;
  }

  /** `forApp=true`: every app sharing the caller's app name (all its versions). */
  private versionsOf(appId: string): string[] {
    const view = this.clusterView.view;
    const name = view.application(appId)?.spec?.name;
    return view
      .applications()
      .filter((app) => app.spec?.name === name)
      .map((app) => app.appId as string);
  }

  /**
   * Drove only asks that the app instance exists; a stopped or lost instance's token is refused here too, and so
   * is a local-service instance's (its owner may share an app's id).
   */
  private isAlive({ appId, instanceId, executorId }: InstanceTokenClaims): boolean {
    const instance = this.clusterView.view.instance(instanceId);
    return (
      instance?.kind === 'APPLICATION' &&
      instance.ownerId === appId &&
      instance.executorId === executorId &&
      ACTIVE_INSTANCE_STATES.includes(stateOf(instance))
    );
  }
}

/** Drove's default is the running states; names are matched case-insensitively, as Drove's enums are. */
function statesOf(raw: string | string[] | undefined): readonly InstanceState[] {
  const given = raw === undefined ? [] : ([] as string[]).concat(raw).filter((s) => s !== '');
  if (given.length === 0) return RUNNING_INSTANCE_STATES;
  const unknown = given.filter((s) => !(INSTANCE_STATES as readonly string[]).includes(s.toUpperCase()));
  if (unknown.length > 0) {
    throw new CommandValidationError(unknown.map((s) => `state '${s}' is not an instance state`));
  }
  return given.map((s) => s.toUpperCase() as InstanceState);
}
