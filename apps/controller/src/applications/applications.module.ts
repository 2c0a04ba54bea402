import { DynamicModule, Module, Provider } from '@nestjs/common';
import { Clock, IdGenerator } from '@drove/domain';
import { EventStore } from '@drove/events';
import { randomUUID } from 'node:crypto';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { FencedAppender } from '../event-store/fenced-appender';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ApplicationOperationsController } from './application-operations.controller';
import { ApplicationOperationsHandler } from './application-operations.handler';
import { ApplicationQueriesController } from './application-queries.controller';

export interface ApplicationsModuleOptions {
  store: EventStore;
  fence: Fence;
  clock?: Clock;
  ids?: IdGenerator;
}

const systemClock: Clock = { now: () => Date.now() };
const randomIds: IdGenerator = { uuid: () => randomUUID() };

/** The applications slice: operations -> pipeline -> fenced log; queries -> cluster view fed by the log. */
@Module({})
export class ApplicationsModule {
  static register(options: ApplicationsModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_STORE, useValue: options.store },
      { provide: FENCE, useValue: options.fence },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      { provide: ID_GENERATOR, useValue: options.ids ?? randomIds },
      FencedAppender,
      CommandPipeline,
      ClusterViewService,
      ApplicationOperationsHandler,
    ];
    return {
      module: ApplicationsModule,
      providers,
      controllers: [ApplicationOperationsController, ApplicationQueriesController],
      exports: [CommandPipeline, ClusterViewService],
    };
  }
}
