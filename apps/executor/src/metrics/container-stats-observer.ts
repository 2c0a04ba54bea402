import { Gauge, Registry } from 'prom-client';
import { ContainerSpec } from '../containers/container-spec';
import { memoryBytes } from '../containers/container-request';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import { ContainerMetricName, StatsSample, containerMetrics } from './container-metrics';

export interface ObservedContainer {
  containerId: string;
  spec: ContainerSpec;
}

// Per-app Prometheus gauges: the value of each of an app's HEALTHY instances, summed.
const APP_GAUGES: Record<string, { help: string; of: (m: Record<ContainerMetricName, number>) => number }> = {
  cpu_allocated_cores: { help: 'CPU cores allocated', of: (m) => m.cpu_cores_allocated },
  cpu_usage_cores: { help: 'CPU cores busy (1 = one core)', of: (m) => m.cpu_percentage_overall / 100 },
  memory_allocated_bytes: { help: 'Memory allocated', of: (m) => m.memory_allocated },
  memory_usage_bytes: { help: 'Memory in use', of: (m) => m.memory_usage },
  memory_limit_bytes: { help: 'Memory limit of the containers', of: (m) => m.memory_usage_limit },
  network_receive_bytes_per_second: {
    help: 'Bytes received per second',
    of: (m) => m.network_rx_per_sec_bytes,
  },
  network_transmit_bytes_per_second: {
    help: 'Bytes sent per second',
    of: (m) => m.network_tx_per_sec_bytes,
  },
  processes: { help: 'Processes (pids) in the containers', of: (m) => m.current_pid_usage },
};

// Drove's ContainerStatsObserver: every poll, `docker stats` of each HEALTHY app and local-service instance.
// Drove keeps a Dropwizard gauge per instance (`com.phonepe.drove.executor.applications.<app>.instance.<id>.<m>`);
// instance ids are unbounded label values in Prometheus, so the instances of one app are summed into gauges
// `drove_executor_app_<m>` labelled kind (applications/localservices) and name, in base units. Each poll
// replaces every series, so an app with no HEALTHY instance left has none.
export class ContainerStatsObserver {
  private readonly gauges: Record<string, Gauge>;
  private readonly previous = new Map<string, StatsSample>();

  constructor(
    private readonly runtime: ContainerRuntime,
    registry: Registry,
    private readonly now: () => number = Date.now,
  ) {
    this.gauges = Object.fromEntries(
      Object.entries(APP_GAUGES).map(([name, { help }]) => [
        name,
        new Gauge({
          name: `drove_executor_app_${name}`,
          help: `${help}, summed over the app's HEALTHY instances on this executor (docker stats)`,
          labelNames: ['kind', 'name'],
          registers: [registry],
        }),
      ]),
    );
  }

  async poll(containers: ObservedContainer[]): Promise<void> {
    const sums = new Map<string, { labels: Record<string, string>; values: Record<string, number> }>();
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
      const metrics = containerMetrics(sample, this.previous.get(containerId), allocation);
      this.previous.set(containerId, sample);
      const labels = labelsFor(spec);
      const key = `${labels.kind}/${labels.name}`;
      const sum = sums.get(key) ?? { labels, values: {} };
      for (const [name, { of }] of Object.entries(APP_GAUGES))
        sum.values[name] = (sum.values[name] ?? 0) + of(metrics);
      sums.set(key, sum);
    }
    for (const containerId of this.previous.keys())
      if (!seen.has(containerId)) this.previous.delete(containerId);
    for (const [name, gauge] of Object.entries(this.gauges)) {
      gauge.reset();
      for (const { labels, values } of sums.values()) gauge.set(labels, values[name]);
    }
  }
}

function labelsFor(spec: ContainerSpec): Record<string, string> {
  const { identity } = spec;
  if (identity.jobType === 'LOCAL_SERVICE') {
    return { kind: 'localservices', name: identity.serviceName };
  }
  const name = identity.jobType === 'SERVICE' ? identity.appName : identity.sourceAppName;
  return { kind: 'applications', name };
}
