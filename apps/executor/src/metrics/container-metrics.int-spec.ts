import { ContainerLauncher } from '../containers/container-launcher';
import { DockerContainerRuntime } from '../runtime/docker/docker-container-runtime';
import { appSpec, uniqueSuffix } from '../testing/container-spec.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { containerMetrics } from './container-metrics';
import { removeRunContainers } from '../testing/run-containers.fixture';

describe('container metrics from docker stats', () => {
  const run = uniqueSuffix();
  const runtime = new DockerContainerRuntime();

  afterAll(async () => {
    await removeRunContainers(runtime, run);
  });

  it("reports a running instance's memory against its allocation and its processes", async () => {
    const launched = await new ContainerLauncher(runtime, launcherSettings(run)).launch(appSpec(), {});
    const first = { stats: await runtime.stats(launched.containerId), timeMs: Date.now() };
    await new Promise((r) => setTimeout(r, 300));
    const second = { stats: await runtime.stats(launched.containerId), timeMs: Date.now() };
    const metrics = containerMetrics(second, first, { cores: 1, memoryBytes: 64 * 1024 * 1024 });
    expect(metrics.memory_usage_limit).toBe(64 * 1024 * 1024);
    expect(metrics.memory_usage).toBeGreaterThan(0);
    expect(metrics.memory_usage_percentage).toBeGreaterThan(0);
    expect(metrics.memory_usage_percentage).toBeLessThan(100);
    expect(metrics.current_pid_usage).toBeGreaterThanOrEqual(1);
    expect(metrics.cpu_percentage_overall).toBeGreaterThanOrEqual(0);
  });
});
