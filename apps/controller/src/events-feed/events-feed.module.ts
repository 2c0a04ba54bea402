import { Module } from '@nestjs/common';
import { EventsFeedController } from './events-feed.controller';
import { EventsFeedService } from './events-feed.service';

/** `/apis/v1/cluster/events*`: Drove's event feed folded from the log. Needs CqrsModule. */
@Module({ providers: [EventsFeedService], controllers: [EventsFeedController], exports: [EventsFeedService] })
export class EventsFeedModule {}
