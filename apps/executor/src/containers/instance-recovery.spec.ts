import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { appSpec, taskSpec } from '../testing/container-spec.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerLauncher } from './container-launcher';
import { foreignContainer } from '../testing/foreign-container.fixture';
import { recoverInstances } from './instance-recovery';

const MINE = { executorId: 'executor-test', hostname: 'localhost' };

describe('recoverInstances', () => {
  it('rebuilds every running Drove instance from its labels with the ports it holds', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
    const launcher = new ContainerLauncher(runtime, launcherSettings('unit'));
    const app = await launcher.launch(appSpec(), { kind: 'app' });
    const task = await launcher.launch(taskSpec({ ITERATIONS: '100' }), { kind: 'task' });
    const stopped = await launcher.launch(appSpec(), {});
    await runtime.stop(stopped.containerId, 1);
    const finished = await launcher.launch(taskSpec({ ITERATIONS: '1', EXIT_CODE: '3' }), {
      kind: 'finished',
    });
    await runtime.wait(finished.containerId);
    await runtime.start(await runtime.create(foreignContainer('plain', {})));
    await runtime.start(
      await runtime.create(
        foreignContainer('broken', { 'drove.job.type': 'SERVICE', 'drove.instance.id': 'AI-x' }),
      ),
    );

    const recovered = await recoverInstances(runtime, MINE);
    expect(recovered.map((r) => r.containerId).sort()).toEqual(
      [app.containerId, task.containerId, finished.containerId].sort(),
    );
    expect(recovered.find((r) => r.containerId === finished.containerId)).toMatchObject({
      jobType: 'COMPUTATION',
      running: false,
      exitCode: 3,
      spec: { kind: 'finished' },
    });
    expect(recovered.find((r) => r.containerId === task.containerId)).toMatchObject({
      running: true,
      exitCode: undefined,
    });
    const recoveredApp = recovered.find((r) => r.containerId === app.containerId);
    expect(recoveredApp).toMatchObject({
      name: app.name,
      jobType: 'SERVICE',
      instanceId: app.info.instanceId,
      spec: { kind: 'app' },
      info: app.info,
      running: true,
    });
    expect(recoveredApp?.info.localInfo.ports.main?.hostPort).toBeGreaterThan(0);
    expect(recoveredApp?.startedAt).toBeGreaterThan(0);
    await runtime.kill(task.containerId);
  });

  describe('of containers labelled for another executor id', () => {
    async function twoExecutors() {
      const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
      const mine = await new ContainerLauncher(runtime, launcherSettings('unit')).launch(appSpec(), {});
      const other = await new ContainerLauncher(
        runtime,
        launcherSettings('unit', { executorId: 'executor-old', hostname: 'old-host' }),
      ).launch(appSpec(), {});
      return { runtime, mine, other };
    }

    it('leaves them alone by default', async () => {
      const { runtime, mine } = await twoExecutors();
      const recovered = await recoverInstances(runtime, MINE);
      expect(recovered.map((r) => r.containerId)).toEqual([mine.containerId]);
    });

    it('adopts them with adoptOthers, reporting them as its own from then on', async () => {
      const { runtime, other } = await twoExecutors();
      const recovered = await recoverInstances(runtime, { ...MINE, adoptOthers: true });
      expect(recovered).toHaveLength(2);
      expect(recovered.find((r) => r.containerId === other.containerId)?.info).toMatchObject({
        instanceId: other.info.instanceId,
        executorId: 'executor-test',
        hostname: 'localhost',
        localInfo: { hostname: 'localhost' },
      });
    });
  });
});
