import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerLauncher } from '../containers/container-launcher';
import { collect, textOf } from '../runtime/container-runtime.contract';
import { DockerContainerRuntime } from '../runtime/docker/docker-container-runtime';
import { appSpec, taskSpec, uniqueSuffix } from '../testing/container-spec.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { pumpContainerLogs } from './container-log-pump';
import { OUTPUT_LOG, instanceLogDir, instanceLogParts } from './instance-log-location';
import { LogFileReader } from './log-file-reader';
import { RotatingLogFile } from './rotating-log-file';
import { removeRunContainers } from '../testing/run-containers.fixture';

describe('container output into output.log on dockerd', () => {
  const run = uniqueSuffix();
  const runtime = new DockerContainerRuntime();
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'drove-ts-pump-'));
  });
  afterAll(async () => {
    await removeRunContainers(runtime, run);
    await rm(root, { recursive: true, force: true });
  });

  it("writes a task's output to its output.log, readable by offsets through the log API reader", async () => {
    const spec = taskSpec({ ITERATIONS: '3' });
    const launched = await new ContainerLauncher(runtime, launcherSettings(run)).launch(spec, {});
    const file = new RotatingLogFile(join(instanceLogDir(root, spec.identity), OUTPUT_LOG), {
      maxSizeBytes: 10 * 1024 * 1024,
      maxFiles: 3,
      compress: true,
    });
    const pump = await pumpContainerLogs(runtime, launched.containerId, file);
    await pump.done;
    await file.close();

    const [part1, part2] = instanceLogParts(spec.identity);
    const reader = new LogFileReader(root);
    expect(await reader.list(part1, part2)).toEqual(['output.log']);
    const expected = 'Iteration: 1\nIteration: 2\nIteration: 3\n';
    expect(await reader.read(part1, part2, 'output.log', -1, -1)).toEqual({
      data: '',
      offset: expected.length,
    });
    expect(await reader.read(part1, part2, 'output.log', 13, 13)).toEqual({
      data: 'Iteration: 2\n',
      offset: 13,
    });
    await expect(reader.read(part1, part2, '../../../etc/passwd', 0, 10)).rejects.toThrow(
      'Invalid path element',
    );
  });

  it('re-attaches to a recovered container without copying its earlier output again', async () => {
    const launched = await new ContainerLauncher(runtime, launcherSettings(run)).launch(appSpec(), {});
    const path = join(root, 'recovered', 'output.log');
    const file = new RotatingLogFile(path, { maxSizeBytes: 1024 * 1024, maxFiles: 1, compress: false });
    await runtime.exec(launched.containerId, ['sh', '-c', 'echo before-restart > /proc/1/fd/1']);
    // Attach only once the earlier output has reached the log driver, as it has after a real restart.
    const logged = async () =>
      textOf(await collect(await runtime.logs(launched.containerId, { follow: false })));
    while (!(await logged()).includes('before-restart')) await new Promise((r) => setTimeout(r, 50));
    const pump = await pumpContainerLogs(runtime, launched.containerId, file, { fromNow: true });
    await runtime.exec(launched.containerId, ['sh', '-c', 'echo after-restart > /proc/1/fd/1']);
    await runtime.stop(launched.containerId, 1);
    await pump.done;
    await file.close();
    const written = await readFile(path, 'utf8');
    expect(written).toContain('after-restart');
    expect(written).not.toContain('before-restart');
    expect(written).not.toContain('listening');
  });
});
