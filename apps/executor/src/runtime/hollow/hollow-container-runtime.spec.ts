import { collect, describeContainerRuntimeContract, textOf } from '../container-runtime.contract';
import { ImagePullError, ImagePullTimeoutError } from '../container-runtime.errors';
import { ensureImage } from '../image-pull-policy';
import { droveTestImages, HTTP_SERVER_IMAGE } from './drove-test-images';
import { HollowContainerRuntime } from './hollow-container-runtime';
import { foreignContainer } from '../../testing/foreign-container.fixture';

describeContainerRuntimeContract('hollow', async () => ({
  runtime: new HollowContainerRuntime({ images: droveTestImages(20) }),
  slowMs: 20,
}));

describe('hollow runtime image pulls', () => {
  const registry = { 'example/app:1': {} };

  it('pulls an absent image from its simulated registry, and again under ALWAYS', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(20), registry, pullDelayMs: 5 });
    expect(await ensureImage(runtime, 'example/app:1', { policy: 'IF_ABSENT', timeoutMs: 100 })).toBe(true);
    expect(await runtime.hasImage('example/app:1')).toBe(true);
    expect(await ensureImage(runtime, 'example/app:1', { policy: 'IF_ABSENT', timeoutMs: 100 })).toBe(false);
    expect(await ensureImage(runtime, 'example/app:1', { policy: 'ALWAYS', timeoutMs: 100 })).toBe(true);
  });

  it('fails a pull slower than its timeout with a timeout error', async () => {
    const runtime = new HollowContainerRuntime({ images: {}, registry, pullDelayMs: 200 });
    const pull = runtime.pullImage('example/app:1', 20);
    await expect(pull).rejects.toBeInstanceOf(ImagePullTimeoutError);
    await expect(pull).rejects.toBeInstanceOf(ImagePullError);
  });

  it('keeps an image that a container still uses and drops it once unused', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(20) });
    const id = await runtime.create(foreignContainer('image-in-use', {}));
    await runtime.removeImage(HTTP_SERVER_IMAGE);
    expect(await runtime.hasImage(HTTP_SERVER_IMAGE)).toBe(true);
    await runtime.remove(id);
    await runtime.removeImage(HTTP_SERVER_IMAGE);
    expect(await runtime.hasImage(HTTP_SERVER_IMAGE)).toBe(false);
  });
});

describe('hollow runtime fault injection', () => {
  it('fails starts of the configured images with the given engine message', async () => {
    const runtime = new HollowContainerRuntime({
      images: droveTestImages(20),
      startFailures: { [HTTP_SERVER_IMAGE]: 'Requested CPUs are not available' },
    });
    const id = await runtime.create(foreignContainer('start-failure', {}));
    await expect(runtime.start(id)).rejects.toThrow('Requested CPUs are not available');
    expect((await runtime.inspect(id))?.status).toBe('created');
  });

  it('crashes a running container with an exit code its waiters and followers see', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(20) });
    const id = await runtime.create(foreignContainer('crash', {}));
    await runtime.start(id);
    const follower = runtime.logs(id, { follow: true });
    const exited = runtime.wait(id);
    runtime.crash(id, 137);
    expect(await exited).toBe(137);
    expect(textOf(await collect(await follower))).toBe('http-server: listening on port 8000\n');
    expect(await runtime.inspect(id)).toMatchObject({ running: false, status: 'exited', exitCode: 137 });
  });
});
