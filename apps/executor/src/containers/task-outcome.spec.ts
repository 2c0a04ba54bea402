import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { taskSpec } from '../testing/container-spec.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerLauncher } from './container-launcher';
import { watchTask } from './task-outcome';

async function startTask(env: Record<string, string>) {
  const runtime = new HollowContainerRuntime({ images: droveTestImages(20) });
  const launched = await new ContainerLauncher(runtime, launcherSettings('unit')).launch(taskSpec(env), {});
  return { runtime, id: launched.containerId };
}

describe('watchTask', () => {
  it.each([
    ['0', { status: 'SUCCESSFUL', exitCode: 0, errorMessage: '' }],
    ['3', { status: 'FAILED', exitCode: 3, errorMessage: 'Task instance exited with status: 3' }],
  ])('maps exit code %s to its result', async (code, result) => {
    const { runtime, id } = await startTask({ ITERATIONS: '2', EXIT_CODE: code });
    expect(await watchTask(runtime, id, new AbortController().signal)).toEqual(result);
  });

  it('kills the container and reports CANCELLED when the task is killed', async () => {
    const { runtime, id } = await startTask({ ITERATIONS: '1000' });
    const kill = new AbortController();
    setTimeout(() => kill.abort(), 50);
    expect(await watchTask(runtime, id, kill.signal)).toMatchObject({ status: 'CANCELLED', exitCode: -1 });
    expect((await runtime.inspect(id))?.running).toBe(false);
  });

  it('reports LOST when the container is gone', async () => {
    const { runtime, id } = await startTask({});
    await runtime.remove(id);
    expect(await watchTask(runtime, id, new AbortController().signal)).toMatchObject({
      status: 'LOST',
      exitCode: -1,
    });
  });
});
