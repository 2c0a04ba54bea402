import { DynamicModule, Global, Module } from '@nestjs/common';
import { EVENTS_FEED_CONFIG, EventsFeedConfig } from './events-feed.config';

/** The configured event feed memory, global because the feed module is imported by more than one module. */
@Global()
@Module({})
export class EventsFeedConfigModule {
  static register(config: EventsFeedConfig = new EventsFeedConfig()): DynamicModule {
    return {
      module: EventsFeedConfigModule,
      providers: [{ provide: EVENTS_FEED_CONFIG, useValue: config }],
      exports: [EVENTS_FEED_CONFIG],
    };
  }
}
