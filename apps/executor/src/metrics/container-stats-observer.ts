import { Gauge, Registry } from 'prom-client';
import { ContainerSpec } from '../containers/container-spec';
import { memoryBytes } from '../containers/container-request';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import {
  CONTAINER_METRIC_NAMES,
  ContainerMetricName,
  StatsSample,
  containerMetrics,
} from './container-metrics';

export interface ObservedContainer {
  containerId: string;
  spec: ContainerSpec;
}

// Drove's ContainerStatsObserver: every poll, `docker stats` of each HEALTHY app and local-service instance
// into gauges. Drove's Dropwizard names (`com.phonepe.drove.executor.applications.<appName>.instance.<id>.<m>`)
// become Prometheus gauges `drove_executor_container_<m>` labelled kind (applications/localservices), name and
// instance_id. Series of instances that left HEALTHY are removed.
export class ContainerStatsObserver {
  private readonly gauges: Record<ContainerMetricName, Gauge>;
  private readonly previous = new Map<string, StatsSample>();
  private readonly labelsOf = new Map<string, Record<string, string>>();

  constructor(
    private readonly runtime: ContainerRuntime,
    registry: Registry,
    private readonly now: () => number = Date.now,
  ) {
    this.gauges = Object.fromEntries(
      CONTAINER_METRIC_NAMES.map((name) => [
        name,
        new Gauge({
          name: `drove_executor_container_${name}`,
          help: `Drove's ${name} of a HEALTHY instance's container (docker stats)`,
          labelNames: ['kind', 'name', 'instance_id'],
          registers: [registry],
        }),
      ]),
    ) as Record<ContainerMetricName, Gauge>;
  }

  async poll(containers: ObservedContainer[]): Promise<void> {
    const seen = new Set<string>();
    for (const { containerId, spec } of containers) {
      const stats = await this.runtime.stats(containerId).catch(() => undefined);
      if (!stats) continue;
      seen.add(containerId);
      const sample = { stats, timeMs: this.now() };
      const allocation = {
        cores: Object.values(spec.resources.cores).flat().length,
        memoryBytes: memoryBytes(spec),
      };
      const values = containerMetrics(sample, this.previous.get(containerId), allocation);
      this.previous.set(containerId, sample);
      const labels = labelsFor(spec);
      this.labelsOf.set(containerId, labels);
      for (const name of CONTAINER_METRIC_NAMES) this.gauges[name].set(labels, values[name]);
    }
    for (const [containerId, labels] of this.labelsOf) {
      if (seen.has(containerId)) continue;
      for (const name of CONTAINER_METRIC_NAMES) this.gauges[name].remove(labels);
      this.labelsOf.delete(containerId);
      this.previous.delete(containerId);
    }
  }
}

function labelsFor(spec: ContainerSpec): Record<string, string> {
  const { identity } = spec;
  if (identity.jobType === 'LOCAL_SERVICE') {
    return { kind: 'localservices', name: identity.serviceName, instance_id: identity.instanceId };
  }
  const name = identity.jobType === 'SERVICE' ? identity.appName : identity.sourceAppName;
  return { kind: 'applications', name, instance_id: identity.instanceId };
}
