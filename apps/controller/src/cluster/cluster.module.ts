import { Module } from '@nestjs/common';
import { ClusterMaintenanceController } from './cluster-maintenance.controller';
import { ClusterSummaryController } from './cluster-summary.controller';
import { ClusterSummaryService } from './cluster-summary.service';
import { PingController } from './ping.controller';

/** Cluster-wide routes: leader discovery, summary and maintenance mode. Needs CqrsModule and ExecutionModule. */
@Module({
  providers: [ClusterSummaryService],
  controllers: [PingController, ClusterMaintenanceController, ClusterSummaryController],
  exports: [ClusterSummaryService],
})
export class ClusterModule {}
