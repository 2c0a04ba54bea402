import { DynamicModule, Module, Provider } from '@nestjs/common';
import { Clock, IdGenerator, MAINTENANCE_GRACE_MS as DEFAULT_MAINTENANCE_GRACE_MS } from '@drove/domain';
import { EventStore } from '@drove/events';
import { randomUUID } from 'node:crypto';
import { CLOCK, CONTROLLER_HOSTNAME, EVENT_STORE, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { FencedAppender } from '../event-store/fenced-appender';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { CommandPipeline } from './command-pipeline';
import { MAINTENANCE_GRACE_MS, MaintenanceWindow } from './maintenance-window';

export interface CqrsModuleOptions {
  store: EventStore;
  fence: Fence;
  /** This controller's host name, as events about requests it served name it. */
  hostname: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** Drove's 40 s unless given. */
  maintenanceGraceMs?: number;
}

const systemClock: Clock = { now: () => Date.now() };
const randomIds: IdGenerator = { uuid: () => randomUUID() };

/** The log and what every slice shares over it: fenced appends, the command pipeline, the cluster view. */
@Module({})
export class CqrsModule {
  static register(options: CqrsModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_STORE, useValue: options.store },
      { provide: FENCE, useValue: options.fence },
      { provide: CONTROLLER_HOSTNAME, useValue: options.hostname },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      { provide: ID_GENERATOR, useValue: options.ids ?? randomIds },
      FencedAppender,
      CommandPipeline,
      ClusterViewService,
      ControllerMetrics,
      { provide: MAINTENANCE_GRACE_MS, useValue: options.maintenanceGraceMs ?? DEFAULT_MAINTENANCE_GRACE_MS },
      MaintenanceWindow,
    ];
    return {
      module: CqrsModule,
      global: true,
      providers,
      exports: [
        CLOCK,
        CONTROLLER_HOSTNAME,
        EVENT_STORE,
        FENCE,
        ID_GENERATOR,
        CommandPipeline,
        ClusterViewService,
        ControllerMetrics,
        MaintenanceWindow,
      ],
    };
  }
}
