import Docker from 'dockerode';

const docker = new Docker();
const image = 'drove-test/http-server:latest';
const label = { 'drove-ts.test': 'docker-smoke' };

async function waitForHttp(url: string, deadlineMs: number): Promise<number> {
  const end = Date.now() + deadlineMs;
  let lastError: unknown;
  while (Date.now() < end) {
    try {
      return (await fetch(url)).status;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url} within ${deadlineMs} ms: ${String(lastError)}`);
}

describe('dockerd from provisioning (smoke)', () => {
  afterAll(async () => {
    const leftovers = await docker.listContainers({
      all: true,
      filters: { label: ['drove-ts.test=docker-smoke'] },
    });
    await Promise.all(leftovers.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  });

  it('runs the HTTP test image pinned to core 0 with a 64 MB limit, reachable through a host port', async () => {
    const container = await docker.createContainer({
      Image: image,
      Labels: label,
      Env: ['PORT=8000'],
      ExposedPorts: { '8000/tcp': {} },
      HostConfig: {
        CpusetCpus: '0',
        Memory: 64 * 1024 * 1024,
        PortBindings: { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
    });
    try {
      await container.start();
      const info = await container.inspect();
      const hostPort = info.NetworkSettings.Ports['8000/tcp']?.[0]?.HostPort;
      expect(hostPort).toMatch(/^\d+$/);

      expect(await waitForHttp(`http://127.0.0.1:${hostPort}/`, 10000)).toBe(200);
      expect(info.HostConfig.CpusetCpus).toBe('0');
      expect(info.HostConfig.Memory).toBe(64 * 1024 * 1024);
    } finally {
      await container.remove({ force: true });
    }
  });
});
