import { Module } from '@nestjs/common';
import { ClusterStateGauges } from './cluster-state-gauges';

/** The scrape-time cluster gauges; needs CqrsModule (ControllerMetrics, the view) and ExecutionModule (registry). */
@Module({ providers: [ClusterStateGauges] })
export class MetricsModule {}
