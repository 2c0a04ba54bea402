import { DynamicModule, Module } from '@nestjs/common';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ExecutorReportsHandler } from '../messaging/executor-reports.handler';
import { MessagesController } from '../messaging/messages.controller';
import { RUN_SAGAS, ScaleSaga } from '../sagas/scale.saga';
import { ExecutorLogService } from './executor-log.service';
import { ExecutorRegistry } from './executor-registry';
import { ExecutorsController } from './executors.controller';

/** Executors (registry, log, API), their messages both ways, and the scale saga. Needs CqrsModule. */
@Module({})
export class ExecutionModule {
  /** `runSagas: false` leaves operations to the caller (tests of the API alone play the saga's part). */
  static register(messenger: ExecutorMessenger, runSagas = true): DynamicModule {
    return {
      module: ExecutionModule,
      providers: [
        { provide: EXECUTOR_MESSENGER, useValue: messenger },
        { provide: RUN_SAGAS, useValue: runSagas },
        ExecutorRegistry,
        ExecutorLogService,
        ExecutorReportsHandler,
        ScaleSaga,
      ],
      controllers: [ExecutorsController, MessagesController],
      exports: [ExecutorRegistry, ExecutorReportsHandler],
    };
  }
}
