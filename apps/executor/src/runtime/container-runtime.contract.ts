import { randomBytes } from 'node:crypto';
import { ContainerRuntime, CreateContainerRequest, LogChunk, LogStream } from './container-runtime.port';
import {
  ContainerNotRunningError,
  ExecTimeoutError,
  ImageNotFoundError,
  ImagePullError,
  NameConflictError,
} from './container-runtime.errors';
import { ensureImage } from './image-pull-policy';
import { removeRunContainers } from '../testing/run-containers.fixture';

// One behavioural contract for every ContainerRuntime adapter, run against the hollow runtime (unit tier) and
// the real dockerd (int tier). Only behaviour both must share is asserted: no exit codes of signalled
// processes, no env ordering.

export const HTTP_IMAGE = 'drove-test/http-server:latest';
export const TASK_IMAGE = 'drove-test/task:latest';
const MISSING_IMAGE = 'drove-test/does-not-exist:never';

export interface ContractTarget {
  runtime: ContainerRuntime;
  // Ceiling for one simulated task second, so waits scale with the adapter.
  slowMs: number;
}

export async function collect(stream: LogStream): Promise<LogChunk[]> {
  const chunks: LogChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

export function textOf(chunks: LogChunk[], stream?: 'stdout' | 'stderr'): string {
  return Buffer.concat(chunks.filter((c) => !stream || c.stream === stream).map((c) => c.data)).toString(
    'utf8',
  );
}

export function describeContainerRuntimeContract(
  adapter: string,
  makeTarget: () => Promise<ContractTarget>,
): void {
  describe(`ContainerRuntime contract: ${adapter}`, () => {
    const run = randomBytes(4).toString('hex');
    const labels = { 'drove-ts.test': '1', 'drove-ts.run': run };
    let runtime: ContainerRuntime;
    let slowMs: number;
    let seq = 0;

    const request = (overrides: Partial<CreateContainerRequest> = {}): CreateContainerRequest => ({
      name: `drove-ts-contract-${run}-${++seq}`,
      image: HTTP_IMAGE,
      labels,
      env: [],
      ports: [],
      binds: [],
      devices: [],
      deviceRequests: [],
      ...overrides,
    });
    const started = async (overrides: Partial<CreateContainerRequest> = {}): Promise<string> => {
      const id = await runtime.create(request(overrides));
      await runtime.start(id);
      return id;
    };

    beforeAll(async () => {
      ({ runtime, slowMs } = await makeTarget());
    });
    afterAll(async () => {
      await removeRunContainers(runtime, run);
    });

    it('answers ping and knows which images are present', async () => {
      expect(await runtime.ping()).toBe(true);
      expect(await runtime.hasImage(HTTP_IMAGE)).toBe(true);
      expect(await runtime.hasImage(MISSING_IMAGE)).toBe(false);
    });

    it('refuses to create from an absent image and a second container with the same name', async () => {
      await expect(runtime.create(request({ image: MISSING_IMAGE }))).rejects.toBeInstanceOf(
        ImageNotFoundError,
      );
      const first = request();
      await runtime.create(first);
      await expect(runtime.create({ ...first })).rejects.toBeInstanceOf(NameConflictError);
    });

    it('creates a container with the requested name, labels, env, user, cpuset and memory', async () => {
      const req = request({
        env: ['A=1', 'B=two words'],
        user: 'nobody',
        cpusetCpus: '0',
        cpusetMems: '0',
        memoryBytes: 64 * 1024 * 1024,
      });
      const id = await runtime.create(req);
      const details = await runtime.inspect(id);
      expect(details).toMatchObject({
        id,
        name: req.name,
        image: HTTP_IMAGE,
        status: 'created',
        running: false,
        user: 'nobody',
        cpusetCpus: '0',
        cpusetMems: '0',
        memoryBytes: 64 * 1024 * 1024,
      });
      expect(details?.labels).toMatchObject(labels);
      expect(details?.env).toEqual(expect.arrayContaining(['A=1', 'B=two words', 'PORT=8000']));
      expect((await runtime.inspect(req.name))?.id).toBe(id);
    });

    it('starts a container and lets the engine choose a distinct host port per container', async () => {
      const ports = [{ containerPort: 8000, protocol: 'tcp' as const, hostIp: '127.0.0.1' }];
      const [a, b] = await Promise.all([started({ ports }), started({ ports })]);
      const [da, db] = await Promise.all([runtime.inspect(a), runtime.inspect(b)]);
      expect(da).toMatchObject({ status: 'running', running: true });
      expect(da?.startedAt).toBeGreaterThan(0);
      const portA = da?.ports.find((p) => p.containerPort === 8000)?.hostPort;
      const portB = db?.ports.find((p) => p.containerPort === 8000)?.hostPort;
      expect(portA).toBeGreaterThan(0);
      expect(portB).toBeGreaterThan(0);
      expect(portA).not.toBe(portB);
    });

    it('writes files into a created container before it starts', async () => {
      const id = await runtime.create(request());
      await runtime.copyFiles(id, [
        { path: '/etc/drove/app.conf', content: Buffer.from('key=value\n') },
        { path: '/tmp/other.txt', content: Buffer.from('second'), mode: 0o600 },
      ]);
      await runtime.start(id);
      expect(await runtime.exec(id, ['cat', '/etc/drove/app.conf'])).toEqual({
        exitCode: 0,
        output: 'key=value\n',
      });
      expect((await runtime.exec(id, ['sh', '-c', 'cat /tmp/other.txt'])).output).toBe('second');
    });

    // stdout and stderr are separate pipes: their relative order in the combined output is not defined.
    it('runs commands in a running container with their exit code and combined output', async () => {
      const id = await started({ env: ['GREETING=hello'] });
      expect(await runtime.exec(id, ['sh', '-c', 'echo $GREETING; echo again; exit 3'])).toEqual({
        exitCode: 3,
        output: 'hello\nagain\n',
      });
      expect(await runtime.exec(id, ['sh', '-c', 'echo oops >&2'])).toEqual({
        exitCode: 0,
        output: 'oops\n',
      });
      expect((await runtime.exec(id, ['sh', '-c', 'test -f /nope'])).exitCode).toBe(1);
      expect((await runtime.exec(id, ['sh', '-c', 'no-such-binary'])).exitCode).toBe(127);
    });

    it('times out a command that runs too long', async () => {
      const id = await started();
      await expect(runtime.exec(id, ['sh', '-c', 'sleep 5'], { timeoutMs: 300 })).rejects.toBeInstanceOf(
        ExecTimeoutError,
      );
    });

    it('refuses to run commands in a container that is not running', async () => {
      const id = await runtime.create(request());
      await expect(runtime.exec(id, ['true'])).rejects.toBeInstanceOf(ContainerNotRunningError);
    });

    it.each([
      [0, 'SUCCESS'],
      [3, 'FAILURE'],
    ])('runs a task to its end with exit code %i and keeps its output (%s)', async (code) => {
      const id = await started({ image: TASK_IMAGE, env: ['ITERATIONS=2', `EXIT_CODE=${code}`] });
      expect(await runtime.wait(id)).toBe(code);
      const details = await runtime.inspect(id);
      expect(details).toMatchObject({ status: 'exited', running: false, exitCode: code });
      expect(details?.finishedAt).toBeGreaterThanOrEqual(details?.startedAt ?? Infinity);
      expect(textOf(await collect(await runtime.logs(id, { follow: false })))).toBe(
        'Iteration: 1\nIteration: 2\n',
      );
      expect(await runtime.wait(id)).toBe(code);
    });

    it('follows output until the container exits, stdout and stderr apart, and honours tail', async () => {
      const id = await started({ image: TASK_IMAGE, env: ['ITERATIONS=2'] });
      const followed = await collect(await runtime.logs(id, { follow: true }));
      expect(textOf(followed, 'stdout')).toBe('Iteration: 1\nIteration: 2\n');
      expect(textOf(await collect(await runtime.logs(id, { follow: false, tail: 1 })))).toBe(
        'Iteration: 2\n',
      );

      const noisy = await started({ cmd: ['sh', '-c', 'echo out; echo err >&2'] });
      await runtime.wait(noisy);
      const chunks = await collect(await runtime.logs(noisy, { follow: false }));
      expect(textOf(chunks, 'stdout')).toBe('out\n');
      expect(textOf(chunks, 'stderr')).toBe('err\n');
    });

    it('returns only output written since a given time', async () => {
      const id = await started({ image: TASK_IMAGE, env: ['ITERATIONS=1'] });
      await runtime.wait(id);
      const since = async (sinceSeconds: number) =>
        textOf(await collect(await runtime.logs(id, { follow: false, sinceSeconds })));
      const nowSeconds = Math.floor(Date.now() / 1000);
      expect(await since(nowSeconds - 60)).toBe('Iteration: 1\n');
      expect(await since(nowSeconds + 60)).toBe('');
    });

    it('lets a follower close its stream while the container keeps running', async () => {
      const id = await started();
      const stream = await runtime.logs(id, { follow: true });
      setTimeout(() => stream.close(), 200);
      await collect(stream);
      expect((await runtime.inspect(id))?.running).toBe(true);
    });

    it('replaces the image command with the requested args', async () => {
      const id = await started({ cmd: ['sh', '-c', 'echo from-args; exit 5'] });
      expect(await runtime.wait(id)).toBe(5);
      expect(textOf(await collect(await runtime.logs(id, { follow: false })))).toBe('from-args\n');
    });

    it('stops and kills running containers; stopping a stopped one is harmless', async () => {
      const [a, b] = await Promise.all([started(), started()]);
      await runtime.stop(a, 1);
      await runtime.stop(a, 1);
      await runtime.kill(b);
      expect(await runtime.wait(b)).toBeGreaterThan(0);
      expect((await runtime.inspect(a))?.running).toBe(false);
      expect((await runtime.inspect(b))?.running).toBe(false);
    });

    it('lists containers by label value or presence, running only unless all', async () => {
      const marker = randomBytes(3).toString('hex');
      const running = await started({ labels: { ...labels, 'drove-ts.marker': marker } });
      const stopped = await started({
        labels: { ...labels, 'drove-ts.marker': marker, 'drove-ts.extra': 'x' },
      });
      await runtime.stop(stopped, 1);
      const ids = async (q: Parameters<ContainerRuntime['list']>[0]) =>
        (await runtime.list(q)).map((c) => c.id).sort();
      expect(await ids({ labels: { 'drove-ts.marker': marker }, all: false })).toEqual([running]);
      expect(await ids({ labels: { 'drove-ts.marker': marker }, all: true })).toEqual(
        [running, stopped].sort(),
      );
      expect(await ids({ labels: { 'drove-ts.marker': marker, 'drove-ts.extra': true }, all: true })).toEqual(
        [stopped],
      );
      const [summary] = await runtime.list({ labels: { 'drove-ts.marker': marker }, all: false });
      expect(summary).toMatchObject({ id: running, running: true, status: 'running', image: HTTP_IMAGE });
      expect(summary?.name).toMatch(/^drove-ts-contract-/);
    });

    it('removes containers, running or not, and forgets them; removing twice is harmless', async () => {
      const id = await started();
      await runtime.remove(id);
      await runtime.remove(id);
      expect(await runtime.inspect(id)).toBeUndefined();
      expect(await runtime.inspect('drove-ts-contract-never-created')).toBeUndefined();
    });

    it('reports stats with the memory limit of a running container', async () => {
      const id = await started({ memoryBytes: 96 * 1024 * 1024 });
      const stats = await runtime.stats(id);
      expect(stats.memoryLimitBytes).toBe(96 * 1024 * 1024);
      expect(stats.pids).toBeGreaterThan(0);
    });

    it('pulls only when asked to and fails a pull of an image no registry serves', async () => {
      expect(await ensureImage(runtime, HTTP_IMAGE, { policy: 'IF_ABSENT', timeoutMs: 1000 })).toBe(false);
      const begun = Date.now();
      await expect(
        ensureImage(runtime, MISSING_IMAGE, { policy: 'IF_ABSENT', timeoutMs: 5 * slowMs }),
      ).rejects.toBeInstanceOf(ImagePullError);
      expect(Date.now() - begun).toBeLessThan(5 * slowMs + 3000);
    });
  });
}
