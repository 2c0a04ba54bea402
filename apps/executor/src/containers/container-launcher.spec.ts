import { ContainerRuntime } from '../runtime/container-runtime.port';
import { ImagePullError } from '../runtime/container-runtime.errors';
import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { appSpec, taskSpec } from '../testing/container-spec.fixture';
import { hollowRuntime } from '../testing/hollow.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerLauncher, LauncherSettings } from './container-launcher';
import { parseDroveLabels } from './drove-labels';
import { HostPortRange } from './host-port-range';

const allFree = async () => true;

function setup(overrides: Partial<LauncherSettings> = {}, runtime?: ContainerRuntime) {
  const rt = runtime ?? new HollowContainerRuntime({ images: droveTestImages(10) });
  const portRange = new HostPortRange(21000, 21009, allFree);
  const launcher = new ContainerLauncher(
    rt,
    launcherSettings('unit', { portRange, now: () => 1000, ...overrides }),
  );
  return { runtime: rt, launcher, portRange };
}

// Fails the first `failures` starts the way dockerd does when a host port is taken after all.
function conflictingRuntime(failures: number): HollowContainerRuntime {
  const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
  const start = runtime.start.bind(runtime);
  let left = failures;
  runtime.start = async (id) => {
    if (left-- > 0) throw new Error('Bind for 0.0.0.0:21000 failed: port is already allocated');
    return start(id);
  };
  return runtime;
}

describe('ContainerLauncher', () => {
  it("starts a container with Drove's name, labels, environment, configs and reserved host port", async () => {
    const { runtime, launcher } = setup();
    const spec = appSpec({
      configs: [
        { type: 'INLINE', localFilename: '/etc/app.conf', data: Buffer.from('x=1').toString('base64') },
      ],
    });
    const launched = await launcher.launch(spec, { wire: true });
    const id = spec.identity as { appId: string; instanceId: string };
    expect(launched.name).toBe(`${id.appId}-${id.instanceId}`);
    expect(launched.info.localInfo.ports).toEqual({
      main: { containerPort: 8000, hostPort: 21000, portType: 'HTTP' },
    });
    const details = await runtime.inspect(launched.containerId);
    expect(details).toMatchObject({
      running: true,
      cpusetCpus: '0',
      cpusetMems: '0',
      memoryBytes: 64 * 1024 * 1024,
    });
    expect(details?.env).toEqual(
      expect.arrayContaining(['PORT_8000=21000', `DROVE_INSTANCE_ID=${id.instanceId}`]),
    );
    expect(parseDroveLabels(details?.labels ?? {})).toMatchObject({
      spec: { wire: true },
      info: { created: 1000 },
    });
    expect(details?.labels['drove-ts.test']).toBe('1');
    expect((await runtime.exec(launched.containerId, ['cat', '/etc/app.conf'])).output).toBe('x=1');
  });

  it('uses the container port as host port for host-level instances and none for tasks', async () => {
    const { launcher } = setup();
    const hostLevel = await launcher.launch(appSpec({ hostLevel: true }), {});
    expect(hostLevel.info.localInfo.ports.main?.hostPort).toBe(8000);
    expect((await launcher.launch(taskSpec(), {})).info.localInfo.ports).toEqual({});
  });

  it('lets the engine pick host ports when no range is configured', async () => {
    const { launcher } = setup({ portRange: undefined });
    const launched = await launcher.launch(appSpec(), {});
    expect(launched.info.localInfo.ports.main?.hostPort).toBeGreaterThan(0);
  });

  it('retries with fresh ports when the engine finds a port taken', async () => {
    const { runtime, launcher } = setup({}, conflictingRuntime(2));
    const launched = await launcher.launch(appSpec(), {});
    expect(launched.info.localInfo.ports.main?.hostPort).toBe(21002);
    expect(await runtime.list({ labels: { 'drove-ts.test': '1' }, all: true })).toHaveLength(1);
  });

  it('gives up after three port conflicts and leaves nothing behind', async () => {
    const { runtime, launcher, portRange } = setup({}, conflictingRuntime(3));
    await expect(launcher.launch(appSpec(), {})).rejects.toThrow('port is already allocated');
    expect(await runtime.list({ labels: { 'drove-ts.test': '1' }, all: true })).toEqual([]);
    expect(await portRange.reserve(10)).toHaveLength(10);
  });

  it('creates no container when a config cannot be resolved', async () => {
    const { runtime, launcher } = setup();
    const spec = appSpec({
      configs: [{ type: 'EXECUTOR_LOCAL_FILE', localFilename: '/x', filePathOnHost: '/nope' }],
    });
    await expect(launcher.launch(spec, {})).rejects.toThrow('could not resolve EXECUTOR_LOCAL_FILE config');
    expect(await runtime.list({ labels: { 'drove-ts.test': '1' }, all: true })).toEqual([]);
  });

  it('destroys a container and returns its ports; adopting a recovered one holds its ports', async () => {
    const { runtime, launcher, portRange } = setup();
    const launched = await launcher.launch(appSpec(), {});
    await launcher.destroy(launched.containerId);
    expect(await runtime.inspect(launched.containerId)).toBeUndefined();
    launcher.adopt('other', { ...launched.info, localInfo: { hostname: 'h', ports: {} } });
    expect(await portRange.reserve(10)).toHaveLength(10);
  });

  it('pulls only absent images by default, always when configured, and fails on an unknown image', async () => {
    const registry = { 'example/app:1': {}, 'drove-test/http-server:latest': {} };
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10), registry });
    expect(await setup({}, runtime).launcher.provision(appSpec())).toBe(false);
    expect(await setup({ pullPolicy: 'ALWAYS' }, runtime).launcher.provision(appSpec())).toBe(true);
    expect(await setup({}, runtime).launcher.provision(appSpec({ image: 'example/app:1' }))).toBe(true);
    await expect(setup({}, runtime).launcher.provision(appSpec({ image: 'nope:1' }))).rejects.toBeInstanceOf(
      ImagePullError,
    );
  });

  it('drops the image after an instance only when images are not cached, and never one still in use', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
    const image = 'drove-test/task:latest';
    await setup({}, runtime).launcher.releaseImage(image);
    expect(await runtime.hasImage(image)).toBe(true);
    const uncached = setup({ cacheImages: false }, runtime).launcher;
    const launched = await uncached.launch(taskSpec({ ITERATIONS: '1' }), {});
    await uncached.releaseImage(image);
    expect(await runtime.hasImage(image)).toBe(true);
    await uncached.destroy(launched.containerId);
    await uncached.releaseImage(image);
    expect(await runtime.hasImage(image)).toBe(false);
  });

  it('reports the start failure even when removing the failed container fails too', async () => {
    const runtime = hollowRuntime();
    runtime.start = async () => {
      throw new Error('cpuset 0-99: Requested CPUs are not available');
    };
    runtime.remove = async () => {
      throw new Error('engine gone');
    };
    await expect(setup({}, runtime).launcher.launch(appSpec(), {})).rejects.toThrow(
      'Requested CPUs are not available',
    );
  });

  it('pulls from a registry that needs credentials with the ones configured for its host', async () => {
    const image = 'registry.example.com/team/app:1';
    const runtime = new HollowContainerRuntime({
      images: {},
      registry: { [image]: {} },
      registryPasswords: { 'registry.example.com': 'secret' },
    });
    await expect(setup({}, runtime).launcher.provision(appSpec({ image }))).rejects.toThrow(
      'authentication required',
    );
    const registryAuth = { 'registry.example.com': { username: 'drove', password: 'secret' } };
    expect(await setup({ registryAuth }, runtime).launcher.provision(appSpec({ image }))).toBe(true);
  });
});
