import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { HTTP_IMAGE, describeContainerRuntimeContract } from '../container-runtime.contract';
import { DockerContainerRuntime } from './docker-container-runtime';

describeContainerRuntimeContract('docker', async () => ({
  runtime: new DockerContainerRuntime(),
  slowMs: 1000,
}));

describe('docker image removal', () => {
  it('removes an image reference and ignores one that is already gone', async () => {
    const runtime = new DockerContainerRuntime();
    const tag = `drove-ts-${randomBytes(4).toString('hex')}`;
    await new Docker().getImage(HTTP_IMAGE).tag({ repo: 'drove-test/http-server', tag });
    const image = `drove-test/http-server:${tag}`;
    expect(await runtime.hasImage(image)).toBe(true);
    await runtime.removeImage(image);
    await runtime.removeImage(image);
    expect(await runtime.hasImage(image)).toBe(false);
    expect(await runtime.hasImage(HTTP_IMAGE)).toBe(true);
  });
});
