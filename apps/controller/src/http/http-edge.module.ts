import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LeaderOnlyGuard } from '../leadership/leader-only.guard';
import { DroveExceptionFilter } from './drove-exception.filter';

/** Drove's request pipeline: leader-only routes and Drove-shaped error bodies. */
@Module({})
export class HttpEdgeModule {
  /** `leadership` provides LEADERSHIP_VIEW: the ZooKeeper election in the process, a fake in tests. */
  static withLeadership(leadership: Provider): DynamicModule {
    return {
      module: HttpEdgeModule,
      providers: [
        leadership,
        { provide: APP_GUARD, useClass: LeaderOnlyGuard },
        { provide: APP_FILTER, useClass: DroveExceptionFilter },
      ],
    };
  }
}
