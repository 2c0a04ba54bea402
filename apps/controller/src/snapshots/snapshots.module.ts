import { DynamicModule, Module } from '@nestjs/common';
import { Clock } from '@drove/domain';
import { EventStore } from '@drove/events';
import { CLOCK, EVENT_STORE } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ViewSnapshotConfig } from './view-snapshot.config';
import { ViewSnapshotWriter } from './view-snapshot-writer';

/** The leader's periodic cluster view snapshots (read back by ClusterViewService at every rebuild). Needs CqrsModule. */
@Module({})
export class SnapshotsModule {
  static register(config: ViewSnapshotConfig = new ViewSnapshotConfig()): DynamicModule {
    return {
      module: SnapshotsModule,
      providers: [
        {
          provide: ViewSnapshotWriter,
          useFactory: (
            store: EventStore,
            fence: Fence,
            view: ClusterViewService,
            clock: Clock,
            metrics: ControllerMetrics,
          ) => new ViewSnapshotWriter(store, fence, view, clock, config, metrics),
          inject: [EVENT_STORE, FENCE, ClusterViewService, CLOCK, ControllerMetrics],
        },
      ],
      exports: [ViewSnapshotWriter],
    };
  }
}
