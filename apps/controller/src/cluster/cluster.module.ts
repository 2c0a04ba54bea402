import { Module } from '@nestjs/common';
import { ClusterMaintenanceController } from './cluster-maintenance.controller';
import { PingController } from './ping.controller';

/** Cluster-wide routes: leader discovery and maintenance mode. Needs CqrsModule. */
@Module({ controllers: [PingController, ClusterMaintenanceController] })
export class ClusterModule {}
