import { MetricObjectWithValues, MetricValueWithName } from 'prom-client';
import { StateRecord } from '../engine/state-record';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import { ExecutorMetrics } from './executor-metrics';

type Value = MetricValueWithName<string>;

async function values(metrics: ExecutorMetrics, name: string): Promise<Value[]> {
  const all = (await metrics.registry.getMetricsAsJSON()) as MetricObjectWithValues<Value>[];
  return all.find((m) => m.name === name)?.values ?? [];
}

const record = (kind: StateRecord['kind'], state: string) => ({ kind, info: { state } }) as StateRecord;

describe('ExecutorMetrics', () => {
  it('counts instances by kind and state at scrape time, dropping states no instance is in', async () => {
    const metrics = new ExecutorMetrics();
    let records = [record('INSTANCE', 'HEALTHY'), record('INSTANCE', 'HEALTHY'), record('TASK', 'RUNNING')];
    metrics.observeInstances(() => records);
    expect(await values(metrics, 'drove_executor_instances')).toEqual([
      { labels: { kind: 'INSTANCE', state: 'HEALTHY' }, value: 2 },
      { labels: { kind: 'TASK', state: 'RUNNING' }, value: 1 },
    ]);
    records = [record('INSTANCE', 'STOPPING')];
    expect(await values(metrics, 'drove_executor_instances')).toEqual([
      { labels: { kind: 'INSTANCE', state: 'STOPPING' }, value: 1 },
    ]);
  });

  it('shows the unclaimed containers of the last scan', async () => {
    const metrics = new ExecutorMetrics();
    metrics.setUnclaimedContainers(3);
    metrics.setUnclaimedContainers(2);
    expect(await values(metrics, 'drove_executor_unclaimed_containers')).toEqual([{ labels: {}, value: 2 }]);
  });

  it('counts unhealthy check results by mode and passes every result through', async () => {
    const metrics = new ExecutorMetrics();
    const results = [{ healthy: false, message: 'refused' } as const, { healthy: true } as const];
    const factory = metrics.countingCheckers(() => ({ check: () => Promise.resolve(results.shift()!) }));
    const checker = factory({ type: 'CMD', command: 'true' }, { containerId: 'c', ports: {} }, 1000);
    expect(await checker.check()).toEqual({ healthy: false, message: 'refused' });
    expect(await checker.check()).toEqual({ healthy: true });
    expect(await values(metrics, 'drove_executor_check_failures_total')).toEqual([
      { labels: { mode: 'CMD' }, value: 1 },
    ]);
  });

  it('times runtime calls by operation and result, not the long-lived wait', async () => {
    const metrics = new ExecutorMetrics();
    const runtime = metrics.timedRuntime({
      ping: () => Promise.resolve(true),
      start: () => Promise.reject(new Error('no such container')),
      wait: () => Promise.resolve(0),
    } as unknown as ContainerRuntime);
    expect(await runtime.ping()).toBe(true);
    await expect(runtime.start('c')).rejects.toThrow('no such container');
    expect(await runtime.wait('c')).toBe(0);
    const counts = (await values(metrics, 'drove_executor_docker_call_duration_seconds')).filter(
      (v) => v.metricName === 'drove_executor_docker_call_duration_seconds_count',
    );
    expect(counts.map((c) => [c.labels, c.value])).toEqual([
      [{ operation: 'ping', result: 'ok' }, 1],
      [{ operation: 'start', result: 'error' }, 1],
    ]);
  });
});
