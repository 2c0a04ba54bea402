import { Inject, Injectable } from '@nestjs/common';
import {
  APPLICATION_OPERATION_TYPES,
  APPLICATION_STATES,
  EXECUTOR_STATES,
  INSTANCE_STATES,
  LOCAL_SERVICE_STATES,
} from '@drove/domain';
import { Gauge } from 'prom-client';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';
import { ControllerMetrics } from './controller-metrics';

/** Counts of `keys` in `values`, with 0 for every key not seen, so a series does not vanish when it empties. */
export function countBy(keys: readonly string[], values: readonly string[]): Map<string, number> {
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function stateGauge(
  metrics: ControllerMetrics,
  name: string,
  help: string,
  label: string,
  keys: readonly string[],
  values: () => string[],
): void {
  new Gauge({
    name,
    help,
    labelNames: [label],
    registers: [metrics.registry],
    collect() {
      for (const [key, count] of countBy(keys, values())) this.set({ [label]: key }, count);
    },
  });
}

/**
 * Gauges of the cluster state, computed from the served cluster view and the executor registry at scrape time
 * (nothing to keep in step with events). Labels are states and operation types only: bounded.
 */
@Injectable()
export class ClusterStateGauges {
  constructor(
    metrics: ControllerMetrics,
    clusterView: ClusterViewService,
    executors: ExecutorRegistry,
    @Inject(FENCE) fence: Fence,
  ) {
    const apps = () => clusterView.view.applications();
    new Gauge({
      name: 'drove_controller_leader',
      help: '1 while this controller leads (holds the fence for appends), else 0',
      registers: [metrics.registry],
      collect() {
        this.set(fence.path() === null ? 0 : 1);
      },
    });
    stateGauge(
      metrics,
      'drove_controller_applications',
      'Applications in the cluster view, by state',
      'state',
      APPLICATION_STATES,
      () => apps().flatMap((a) => (a.state ? [a.state] : [])),
    );
    stateGauge(
      metrics,
      'drove_controller_instances',
      'Application instances in the cluster view, by state',
      'state',
      INSTANCE_STATES,
      () => apps().flatMap((a) => clusterView.view.instancesOf(a.appId as string).map(stateOf)),
    );
    const services = () => clusterView.view.localServices();
    stateGauge(
      metrics,
      'drove_controller_local_services',
      'Local services in the cluster view, by state',
      'state',
      LOCAL_SERVICE_STATES,
      () => services().flatMap((s) => (s.state ? [s.state] : [])),
    );
    stateGauge(
      metrics,
      'drove_controller_local_service_instances',
      'Local-service instances in the cluster view, by state',
      'state',
      INSTANCE_STATES,
      () =>
        services().flatMap((s) => clusterView.view.serviceInstancesOf(s.serviceId as string).map(stateOf)),
    );
    stateGauge(
      metrics,
      'drove_controller_executors',
      'Executors known to this controller, by their reported state',
      'state',
      EXECUTOR_STATES,
      () => executors.all().map((e) => e.executorState),
    );
    stateGauge(
      metrics,
      'drove_controller_operations_in_flight',
      'Application operations accepted and not yet completed, by operation type',
      'type',
      APPLICATION_OPERATION_TYPES,
      () => apps().flatMap((a) => (a.operation ? [a.operation.type] : [])),
    );
  }
}
