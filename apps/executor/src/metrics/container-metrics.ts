import { ContainerStats } from '../runtime/container-runtime.port';

// Drove's per-container gauges (ContainerStatsObserver: com.phonepe.drove.executor.applications.<app>.instance.
// <id>.<name>), computed from two successive stats samples. Rates and CPU percentages need the previous sample
// and are 0 on the first one.

export const CONTAINER_METRIC_NAMES = [
  'nr_throttled',
  'cpu_cores_allocated',
  'cpu_percentage_per_core',
  'cpu_percentage_overall',
  'cpu_absolute_per_ms',
  'memory_usage',
  'memory_usage_percentage',
  'memory_allocated',
  'memory_usage_max',
  'memory_usage_limit',
  'network_tx_bytes',
  'network_tx_per_sec_bytes',
  'network_tx_errors',
  'network_tx_dropped',
  'network_rx_bytes',
  'network_rx_per_sec_bytes',
  'network_rx_errors',
  'network_rx_dropped',
  'block_io_read_bytes',
  'block_io_write_bytes',
  'current_pid_usage',
] as const;

export type ContainerMetricName = (typeof CONTAINER_METRIC_NAMES)[number];

export interface StatsSample {
  stats: ContainerStats;
  timeMs: number;
}

export interface Allocation {
  cores: number;
  memoryBytes: number;
}

function perSecond(current: number, previous: number | undefined, elapsedMs: number): number {
  if (previous === undefined || elapsedMs <= 0) return 0;
  return Math.max(0, ((current - previous) * 1000) / elapsedMs);
}

export function containerMetrics(
  current: StatsSample,
  previous: StatsSample | undefined,
  allocation: Allocation,
): Record<ContainerMetricName, number> {
  const s = current.stats;
  const p = previous?.stats;
  const elapsedMs = previous ? current.timeMs - previous.timeMs : 0;
  const cpuDelta = p ? s.cpuTotalUsageNanos - p.cpuTotalUsageNanos : 0;
  const systemDelta = p ? s.systemCpuUsageNanos - p.systemCpuUsageNanos : 0;
  // Docker's formula: share of all host CPU time, times the online CPUs, so 100 = one core busy.
  const overall = systemDelta > 0 ? (cpuDelta * 100 * Math.max(1, s.onlineCpus)) / systemDelta : 0;
  return {
    nr_throttled: s.throttledPeriods,
    cpu_cores_allocated: allocation.cores,
    cpu_percentage_per_core: allocation.cores > 0 ? overall / allocation.cores : 0,
    cpu_percentage_overall: overall,
    // CPU milliseconds used per wall-clock millisecond (Drove's formula mixes in system time; this one does not).
    cpu_absolute_per_ms: elapsedMs > 0 ? Math.max(0, cpuDelta / 1e6 / elapsedMs) : 0,
    memory_usage: s.memoryUsageBytes,
    memory_usage_percentage: s.memoryLimitBytes > 0 ? (s.memoryUsageBytes * 100) / s.memoryLimitBytes : 0,
    memory_allocated: allocation.memoryBytes,
    memory_usage_max: s.memoryMaxUsageBytes,
    memory_usage_limit: s.memoryLimitBytes,
    network_tx_bytes: s.networkTxBytes,
    network_tx_per_sec_bytes: perSecond(s.networkTxBytes, p?.networkTxBytes, elapsedMs),
    network_tx_errors: s.networkTxErrors,
    network_tx_dropped: s.networkTxDropped,
    network_rx_bytes: s.networkRxBytes,
    network_rx_per_sec_bytes: perSecond(s.networkRxBytes, p?.networkRxBytes, elapsedMs),
    network_rx_errors: s.networkRxErrors,
    network_rx_dropped: s.networkRxDropped,
    block_io_read_bytes: s.blockReadBytes,
    block_io_write_bytes: s.blockWriteBytes,
    current_pid_usage: s.pids,
  };
}
