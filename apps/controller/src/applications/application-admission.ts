import { Injectable } from '@nestjs/common';
import { ApplicationOperationDto, InstanceState } from '@drove/domain';
import { PlacementValidationError } from '@drove/scheduler';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';

// What a SCALE counts as already there (Drove's ApplicationCommandValidator).
const COUNTED_STATES: readonly InstanceState[] = [
  'PENDING',
  'PROVISIONING',
  'HEALTHY',
  'STARTING',
  'UNREADY',
  'READY',
];

/**
 * Drove's resource check of an operation that adds instances: START_INSTANCES (its `instances`) and a SCALE
 * above the instances already there or on their way. Free cores and memory over the schedulable executors the
 * app's placement policy allows, and one instance against the largest NUMA node. CREATE is not checked, as in
 * Drove: its instances come from the monitor later.
 */
@Injectable()
export class ApplicationAdmission {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
  ) {}

  /** Drove's error text when the cluster cannot fit what `op` adds, else null. */
  shortage(op: ApplicationOperationDto): string | null {
    if (op.type !== 'START_INSTANCES' && op.type !== 'SCALE') return null;
    const spec = this.clusterView.view.application(op.appId)?.spec;
    if (!spec) return null;
    const instances =
      op.type === 'START_INSTANCES' ? op.instances : op.requiredInstances - this.counted(op.appId);
    if (instances <= 0) return null;
    try {
      return this.registry.scheduler.admit({
        kind: 'APPLICATION',
        policy: spec.placementPolicy,
        resources: spec.resources,
        instances,
      });
    } catch (error) {
      // a placement rule the scheduler cannot compile could never place an instance: refuse, not a 500
      if (error instanceof PlacementValidationError) return error.problems.join(', ');
      throw error;
    }
  }

  private counted(appId: string): number {
    return this.clusterView.view.instancesOf(appId).filter((i) => COUNTED_STATES.includes(stateOf(i))).length;
  }
}
