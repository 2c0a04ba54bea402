import { DynamicModule, Module } from '@nestjs/common';
import { EXECUTOR_CREDENTIALS, ExecutorCredentials } from './log-file-proxy';
import { LogFilesController } from './log-files.controller';

/** The log-file proxy to executors. Needs CqrsModule and ExecutionModule. */
@Module({})
export class LogFilesModule {
  static register(credentials: ExecutorCredentials): DynamicModule {
    return {
      module: LogFilesModule,
      providers: [{ provide: EXECUTOR_CREDENTIALS, useValue: credentials }],
      controllers: [LogFilesController],
    };
  }
}
