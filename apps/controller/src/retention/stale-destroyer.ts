import { Logger } from '@nestjs/common';
import {
  ClusterOpSpecDto,
  DEFAULT_CLUSTER_OP_SPEC,
  applicationDecider,
  applicationStream,
  localServiceDecider,
  localServiceStream,
} from '@drove/domain';
import { wireOpSpec } from '../cluster-options/cluster-options.tokens';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';
import { ClusterViewService } from '../projections/cluster-view.service';
import { RetentionOptions, durationMs } from './retention.config';
import { planStaleDestroys } from './stale-destroy-plan';

/**
 * The destroying half of Drove's StaleDataCleaner: apps suspended and local services inactive for longer than
 * `staleAppAge` / `staleServiceAge` get an ordinary DESTROY from actor `system`, through the command pipeline
 * (decider, fenced append), which the sagas carry out. Outside the maintenance window only; the caller checks
 * leadership.
 */
export class StaleDestroyer {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly maintenance: MaintenanceWindow,
    private readonly options: RetentionOptions,
    private readonly internalOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  /** Resolves to the ids whose DESTROY was accepted. */
  async destroy(now: number): Promise<string[]> {
    const view = this.clusterView.view;
    if (this.maintenance.covers(view.cluster, now)) return [];
    const plan = planStaleDestroys(view, now, {
      appAgeMs: durationMs(this.options.staleAppAge),
      serviceAgeMs: durationMs(this.options.staleServiceAge),
    });
    const opSpec = wireOpSpec(this.internalOpSpec);
    const destroyed: string[] = [];
    for (const appId of plan.appIds) {
      const command = {
        type: 'DestroyApplication' as const,
        appId,
        opSpec,
        staleBefore: plan.appsStaleBefore,
        at: now,
      };
      if (
        await this.issue(appId, () =>
          this.pipeline.execute(applicationDecider, applicationStream(appId), command, {
            actor: SYSTEM_ACTOR,
          }),
        )
      )
        destroyed.push(appId);
    }
    for (const serviceId of plan.serviceIds) {
      const command = {
        type: 'RequestLocalServiceOperation' as const,
        serviceId,
        operation: 'DESTROY' as const,
        staleBefore: plan.servicesStaleBefore,
        at: now,
      };
      if (
        await this.issue(serviceId, () =>
          this.pipeline.execute(localServiceDecider, localServiceStream(serviceId), command, {
            actor: SYSTEM_ACTOR,
          }),
        )
      )
        destroyed.push(serviceId);
    }
    return destroyed;
  }

  /** One DESTROY; a refusal (changed meanwhile) or a failure is logged and skips only that one. */
  private async issue(id: string, execute: () => ReturnType<CommandPipeline['execute']>): Promise<boolean> {
    try {
      const outcome = await execute();
      if (outcome.ok) {
        this.logger.log(`${id}: stale, DESTROY requested`);
        return true;
      }
      this.logger.warn(`${id}: stale DESTROY refused: ${outcome.error.messages.join(', ')}`);
    } catch (error) {
      this.logger.warn(
        `${id}: stale DESTROY not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return false;
  }
}
