import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClusterOpSpecDto, IdGenerator } from '@drove/domain';
import { EventStore } from '@drove/events';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { FencedAppender } from '../event-store/fenced-appender';
import { INTERNAL_OP_SPEC } from '../cluster-options/cluster-options.tokens';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { RetentionOptions } from './retention.config';
import { RetentionJob } from './retention-job';
import { StaleDestroyer } from './stale-destroyer';

/**
 * The leader's periodic stale-data check: stale apps and local services destroyed, old instance and task records
 * pruned from the views. Needs CqrsModule.
 */
@Module({})
export class RetentionModule {
  static register(options: RetentionOptions = new RetentionOptions()): DynamicModule {
    return {
      module: RetentionModule,
      providers: [
        {
          provide: RetentionJob,
          useFactory: (
            store: EventStore,
            fence: Fence,
            metrics: ControllerMetrics,
            view: ClusterViewService,
            clock: Clock,
            ids: IdGenerator,
            pipeline: CommandPipeline,
            maintenance: MaintenanceWindow,
            internalOpSpec: ClusterOpSpecDto | undefined,
          ) =>
            new RetentionJob(
              new FencedAppender(store, fence, metrics),
              fence,
              view,
              clock,
              ids,
              options,
              new StaleDestroyer(pipeline, view, maintenance, options, internalOpSpec),
            ),
          inject: [
            EVENT_STORE,
            FENCE,
            ControllerMetrics,
            ClusterViewService,
            CLOCK,
            ID_GENERATOR,
            CommandPipeline,
            MaintenanceWindow,
            { token: INTERNAL_OP_SPEC, optional: true },
          ],
        },
      ],
      exports: [RetentionJob],
    };
  }
}
