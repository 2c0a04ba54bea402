import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  ClusterOpSpecJson,
  IdGenerator,
  LocalServiceSpecJson,
  localServiceInstanceSpec,
  newLocalServiceInstanceId,
  requestHeader,
} from '@drove/domain';
import { INSTANCE_TOKENS } from '../auth/auth-settings';
import { InstanceTokens } from '../auth/instance-token';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { hostLevelOf } from '../local-services/host-level';
import { InstanceJobs } from './instance-jobs';
import { JobResult } from './operation-failures';

/** Drove starts local-service instances on ACTIVE executors and on UNREADY ones (which wait for them). */
export const LOCAL_SERVICE_EXECUTOR_STATES: ReadonlySet<string> = new Set(['ACTIVE', 'UNREADY']);

/** Starting a local-service instance on a given executor, with the common start job of InstanceJobs. */
@Injectable()
export class LocalServiceInstanceJobs {
  constructor(
    private readonly jobs: InstanceJobs,
    private readonly registry: ExecutorRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(INSTANCE_TOKENS) private readonly tokens: InstanceTokens,
  ) {}

  /** Place on `executorId`, record, START_LOCAL_SERVICE_INSTANCE, wait for HEALTHY; 3 tries with fresh `SI-` ids. */
  async startOn(
    serviceId: string,
    spec: LocalServiceSpecJson,
    opSpec: ClusterOpSpecJson,
    executorId: string,
  ): Promise<JobResult> {
    const session = this.registry.scheduler.openSession({
      deployableId: serviceId,
      kind: 'LOCAL_SERVICE',
      policy: spec.placementPolicy,
      env: (spec.env as Record<string, string> | undefined) ?? {},
    });
    const hostLevelInstance = hostLevelOf(spec.placementPolicy);
    try {
      return await this.jobs.start(
        {
          kind: 'LOCAL_SERVICE',
          ownerId: serviceId,
          spec,
          newInstanceId: () => newLocalServiceInstanceId(this.ids),
          place: (instanceId) =>
            session.placeOn(
              executorId,
              { instanceId, resources: spec.resources },
              LOCAL_SERVICE_EXECUTOR_STATES,
            ),
          message: (address, placement) => {
            // as Drove does: the service id in the token's app claim; sibling discovery serves app instances only
            const instanceAuthToken = this.tokens.issue({
              appId: serviceId,
              instanceId: placement.instanceId,
              executorId: address.executorId,
            });
            return {
              type: 'START_LOCAL_SERVICE_INSTANCE',
              header: requestHeader('CONTROLLER', this.ids, this.clock),
              address,
              spec: localServiceInstanceSpec(serviceId, spec, {
                ...placement,
                instanceAuthToken,
                hostLevelInstance,
              }),
            };
          },
        },
        opSpec,
        session,
      );
    } finally {
      session.close();
    }
  }
}
