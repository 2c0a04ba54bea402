import { ContainerStats } from '../runtime/container-runtime.port';
import { CONTAINER_METRIC_NAMES, containerMetrics } from './container-metrics';

const base: ContainerStats = {
  cpuTotalUsageNanos: 0,
  systemCpuUsageNanos: 0,
  onlineCpus: 4,
  throttledPeriods: 2,
  memoryUsageBytes: 256,
  memoryMaxUsageBytes: 300,
  memoryLimitBytes: 1024,
  networkRxBytes: 1000,
  networkTxBytes: 500,
  networkRxErrors: 1,
  networkTxErrors: 2,
  networkRxDropped: 3,
  networkTxDropped: 4,
  blockReadBytes: 10,
  blockWriteBytes: 20,
  pids: 5,
};
const allocation = { cores: 2, memoryBytes: 1024 };

describe('containerMetrics', () => {
  it('reports every Drove gauge, with rates and CPU at 0 for a first sample', () => {
    const metrics = containerMetrics({ stats: base, timeMs: 0 }, undefined, allocation);
    expect(Object.keys(metrics).sort()).toEqual([...CONTAINER_METRIC_NAMES].sort());
    expect(metrics).toMatchObject({
      cpu_percentage_overall: 0,
      network_rx_per_sec_bytes: 0,
      memory_usage_percentage: 25,
      memory_allocated: 1024,
      cpu_cores_allocated: 2,
      current_pid_usage: 5,
      nr_throttled: 2,
    });
  });

  it('computes CPU shares and rates from the previous sample', () => {
    // Over 1 s on 4 CPUs (4e9 ns of host CPU time), the container used 1.5e9 ns: 1.5 cores busy.
    const later = {
      ...base,
      cpuTotalUsageNanos: 1.5e9,
      systemCpuUsageNanos: 4e9,
      networkRxBytes: 3000,
      networkTxBytes: 1500,
    };
    const metrics = containerMetrics(
      { stats: later, timeMs: 2000 },
      { stats: base, timeMs: 1000 },
      allocation,
    );
    expect(metrics.cpu_percentage_overall).toBeCloseTo(150);
    expect(metrics.cpu_percentage_per_core).toBeCloseTo(75);
    expect(metrics.cpu_absolute_per_ms).toBeCloseTo(1.5);
    expect(metrics.network_rx_per_sec_bytes).toBe(2000);
    expect(metrics.network_tx_per_sec_bytes).toBe(1000);
  });

  it('never reports negative rates when counters reset', () => {
    const reset = { ...base, networkRxBytes: 0 };
    const metrics = containerMetrics(
      { stats: reset, timeMs: 2000 },
      { stats: base, timeMs: 1000 },
      allocation,
    );
    expect(metrics.network_rx_per_sec_bytes).toBe(0);
  });
});
