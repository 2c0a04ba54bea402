import { DynamicModule, Module } from '@nestjs/common';
import { EventsFeedModule } from '../events-feed/events-feed.module';
import { EventStreamConfig } from './event-stream.config';
import { EventStreamController } from './event-stream.controller';
import { EventStreamService } from './event-stream.service';
import { EVENT_STREAM_CONFIG } from './event-stream.tokens';

/** `/apis/v2/events/stream`. Needs CqrsModule (the cluster view) and HttpEdgeModule (leadership). */
@Module({})
export class EventStreamModule {
  static register(config: EventStreamConfig = new EventStreamConfig()): DynamicModule {
    return {
      module: EventStreamModule,
      imports: [EventsFeedModule],
      controllers: [EventStreamController],
      providers: [{ provide: EVENT_STREAM_CONFIG, useValue: config }, EventStreamService],
    };
  }
}
