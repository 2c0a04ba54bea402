import { Module } from '@nestjs/common';
import { ClusterMaintenanceController } from './cluster-maintenance.controller';
import { ClusterSummaryController } from './cluster-summary.controller';
import { PingController } from './ping.controller';

/** Cluster-wide routes: leader discovery, summary and maintenance mode. Needs CqrsModule and ExecutionModule. */
@Module({ controllers: [PingController, ClusterMaintenanceController, ClusterSummaryController] })
export class ClusterModule {}
