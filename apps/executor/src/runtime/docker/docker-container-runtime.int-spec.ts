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

describe('docker log following with a slow reader', () => {
  it('delivers every line in order to a reader slower than the container', async () => {
    const runtime = new DockerContainerRuntime();
    const id = await runtime.create({
      name: `drove-ts-slowlog-${randomBytes(4).toString('hex')}`,
      image: HTTP_IMAGE,
      labels: { 'drove-ts.test': '1' },
      env: [],
      cmd: ['seq', '1', '20000'],
      ports: [],
      binds: [],
      devices: [],
      deviceRequests: [],
    });
    try {
      await runtime.start(id);
      const stream = await runtime.logs(id, { follow: true });
      let text = '';
      let chunks = 0;
      for await (const chunk of stream) {
        text += chunk.data.toString();
        if (++chunks % 200 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength(20000);
      expect(lines.every((line, i) => line === String(i + 1))).toBe(true);
    } finally {
      await runtime.remove(id);
    }
  });
});
