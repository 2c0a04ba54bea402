import { Registry } from 'prom-client';
import { hollowCheckers } from '../checks/hollow-checkers';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { appDto, appInstanceJson, engineHarness } from '../testing/engine.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerStatsObserver } from './container-stats-observer';

const MB64 = 64 * 1024 * 1024;

describe('ContainerStatsObserver', () => {
  it('sums the HEALTHY instances of an app into per-app gauges (no instance ids), gone once none is left', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
    const { engine, reached } = engineHarness(runtime, launcherSettings('stats'), hollowCheckers(runtime));
    const registry = new Registry();
    const observer = new ContainerStatsObserver(runtime, registry);
    const first = appInstanceJson();
    const second = appInstanceJson({
      appId: first.appId,
      appName: first.appName,
      instanceId: `${first.instanceId as string}-b`,
      resources: [
        { type: 'CPU', cores: { '0': [1] } },
        { type: 'MEMORY', memoryInMB: { '0': 64 } },
      ],
    });
    const ids = [first, second].map((json) => json.instanceId as string);
    engine.startInstance(appDto(first), first);
    engine.startInstance(appDto(second), second);
    await Promise.all(ids.map((id) => reached(id, 'HEALTHY')));
    const series = `{kind="applications",name="${first.appName as string}"}`;
    const scrape = async () => {
      await observer.poll(engine.healthyContainers());
      return registry.metrics();
    };

    const both = await scrape();
    expect(both).toContain(`drove_executor_app_memory_allocated_bytes${series} ${2 * MB64}`);
    expect(both).toContain(`drove_executor_app_cpu_allocated_cores${series} 2`);
    expect(both).not.toContain(ids[0]);

    engine.stop(ids[0]);
    await reached(ids[0], 'STOPPED');
    expect(await scrape()).toContain(`drove_executor_app_memory_allocated_bytes${series} ${MB64}`);

    engine.stop(ids[1]);
    await engine.settled();
    expect(await scrape()).not.toContain(series);
  });
});
