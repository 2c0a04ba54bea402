import { Inject, Injectable } from '@nestjs/common';
import {
  CLUSTER_STREAM,
  ClusterAggregate,
  MAINTENANCE_MESSAGE,
  clusterDecider,
  isInMaintenanceWindow,
} from '@drove/domain';
import { CommandValidationError } from '../http/drove-errors';
import { CommandPipeline } from './command-pipeline';

/** How long after a cluster-state change the window stays shut (Drove: 40 s, twice the executor refresh). */
export const MAINTENANCE_GRACE_MS = Symbol('MaintenanceGraceMs');

/**
 * Drove's maintenance window with this controller's grace: operations are refused, the monitor and the
 * evacuation pause, the endpoints skip their staleness filter.
 */
@Injectable()
export class MaintenanceWindow {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(MAINTENANCE_GRACE_MS) private readonly graceMs: number,
  ) {}

  covers(cluster: ClusterAggregate, now: number): boolean {
    return isInMaintenanceWindow(cluster, now, this.graceMs);
  }

  /** Refuses an operation in the window, as Drove does. */
  async refuseOperations(now: number): Promise<void> {
    // Read from the stream, not the view: the gate must hold even if the view lags behind the log.
    const cluster = await this.pipeline.load(clusterDecider, CLUSTER_STREAM);
    if (this.covers(cluster.state, now)) throw new CommandValidationError([MAINTENANCE_MESSAGE]);
  }
}
