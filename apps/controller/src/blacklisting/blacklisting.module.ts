import { Module } from '@nestjs/common';
import { BlacklistingController } from './blacklisting.controller';
import { BlacklistingService } from './blacklisting.service';
import { ExecutorEvacuation } from './executor-evacuation';

/** Executor blacklisting and the move of instances off blacklisted executors. Needs CqrsModule, ExecutionModule. */
@Module({
  providers: [BlacklistingService, ExecutorEvacuation],
  controllers: [BlacklistingController],
})
export class BlacklistingModule {}
