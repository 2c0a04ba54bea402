import { describeContainerRuntimeContract } from '../container-runtime.contract';
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
