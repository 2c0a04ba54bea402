import { Registry } from 'prom-client';
import { hollowCheckers } from '../checks/hollow-checkers';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { appDto, appInstanceJson, engineHarness } from '../testing/engine.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerStatsObserver } from './container-stats-observer';

describe('ContainerStatsObserver', () => {
  it('exposes gauges of HEALTHY instances and drops them once the instance is gone', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
    const { engine, reached } = engineHarness(runtime, launcherSettings('stats'), hollowCheckers(runtime));
    const registry = new Registry();
    const observer = new ContainerStatsObserver(runtime, registry);
    const json = appInstanceJson();
    const id = json.instanceId as string;
    engine.startInstance(appDto(json), json);
    await reached(id, 'HEALTHY');
    await observer.poll(engine.healthyContainers());
    const series = `{kind="applications",name="${json.appName}",instance_id="${id}"}`;
    const text = await registry.metrics();
    expect(text).toContain(`drove_executor_container_memory_allocated${series} 67108864`);
    expect(text).toContain(`drove_executor_container_cpu_cores_allocated${series} 1`);
    engine.stop(id);
    await engine.settled();
    await observer.poll(engine.healthyContainers());
    expect(await registry.metrics()).not.toContain(id);
  });
});
