import { DynamicModule, Module } from '@nestjs/common';
import { CLUSTER_SECRETS, LOG_FILE_READER, MESSAGE_HANDLER } from './api/api-tokens';
import { ExecutorMessageHandler } from './api/executor-message-handler';
import { LogFilesController } from './api/log-files.controller';
import { MessagesController } from './api/messages.controller';
import { LogFileReader } from './logs/log-file-reader';

export interface ExecutorApiServices {
  handler: ExecutorMessageHandler;
  logs: LogFileReader;
  // Every configured cluster secret: any of them is accepted (Drove 9.7).
  secrets: string[];
}

@Module({})
export class ExecutorModule {
  static create(services: ExecutorApiServices): DynamicModule {
    return {
      module: ExecutorModule,
      controllers: [MessagesController, LogFilesController],
      providers: [
        { provide: MESSAGE_HANDLER, useValue: services.handler },
        { provide: LOG_FILE_READER, useValue: services.logs },
        { provide: CLUSTER_SECRETS, useValue: services.secrets },
      ],
    };
  }
}
