import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ContainerLauncher, LaunchedContainer } from '../containers/container-launcher';
import { collect, textOf } from '../runtime/container-runtime.contract';
import { DockerContainerRuntime } from '../runtime/docker/docker-container-runtime';
import { appSpec, uniqueSuffix } from '../testing/container-spec.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { CheckSpec } from './check-spec';
import { runUntilHealthy } from './check-runner';
import { containerCheckers } from './checker-factory';
import { HttpChecker } from './http-checker';
import { shutdownInstance } from './instance-shutdown';
import { removeRunContainers } from '../testing/run-containers.fixture';
import { httpCheckMode } from './check-mode.fixture';

describe('checks and pre-shutdown hooks on dockerd', () => {
  const run = uniqueSuffix();
  const runtime = new DockerContainerRuntime();
  const launcher = new ContainerLauncher(runtime, launcherSettings(run));
  const checkers = containerCheckers(runtime);
  let app: LaunchedContainer;
  let hookServer: Server;
  const hookCalls: { path: string; at: number }[] = [];

  beforeAll(async () => {
    app = await launcher.launch(appSpec(), {});
    hookServer = createServer((req, res) => {
      hookCalls.push({ path: req.url ?? '', at: Date.now() });
      res.end('ok');
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await removeRunContainers(runtime, run);
    hookServer.close();
  });

  it('readiness over HTTP passes once the server in the container answers', async () => {
    const spec: CheckSpec = { mode: httpCheckMode(), timeoutMs: 1000, intervalMs: 200, attempts: 20 };
    const checker = checkers(
      spec.mode,
      { containerId: app.containerId, ports: app.info.localInfo.ports },
      1000,
    );
    expect(await runUntilHealthy(checker, spec)).toEqual({ status: 'HEALTHY' });
  });

  it.each([
    [httpCheckMode({ path: '/no-such-page' }), /returned 404/],
    [httpCheckMode({ successCodes: [204] }), /returned 200/],
  ])('an HTTP check outside the success codes is unhealthy (%#)', async (mode, message) => {
    const result = await checkers(
      mode,
      { containerId: app.containerId, ports: app.info.localInfo.ports },
      1000,
    ).check();
    expect(result).toEqual({ healthy: false, message: expect.stringMatching(message) });
  });

  it('an HTTP check to a port nobody answers on fails within its timeouts', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const begun = Date.now();
    const checker = new HttpChecker(
      httpCheckMode({ connectionTimeoutMs: 100 }),
      (silent.address() as AddressInfo).port,
      200,
    );
    expect((await checker.check()).healthy).toBe(false);
    expect(Date.now() - begun).toBeLessThan(1500);
    silent.closeAllConnections();
    silent.close();
  });

  it.each([
    ['true', true],
    ['test -d /www', true],
    ['exit 1', false],
  ])('a CMD check `%s` is healthy: %s', async (command, healthy) => {
    const target = { containerId: app.containerId, ports: {} };
    expect((await checkers({ type: 'CMD', command }, target, 2000).check()).healthy).toBe(healthy);
  });

  it('a CMD check that hangs is cut at its timeout', async () => {
    const target = { containerId: app.containerId, ports: {} };
    const begun = Date.now();
    const result = await checkers({ type: 'CMD', command: 'sleep 10' }, target, 300).check();
    expect(result).toEqual({
      healthy: false,
      message: expect.stringContaining('did not finish within 300 ms'),
    });
    expect(Date.now() - begun).toBeLessThan(2000);
  });

  it('calls the pre-shutdown hooks while the container runs, waits, then stops it', async () => {
    const victim = await launcher.launch(appSpec(), {});
    const hookPort = (hookServer.address() as AddressInfo).port;
    const ports = {
      ...victim.info.localInfo.ports,
      hooks: { containerPort: 0, hostPort: hookPort, portType: 'HTTP' as const },
    };
    const outcomes = await shutdownInstance(runtime, { containerId: victim.containerId, ports }, checkers, {
      preShutdown: {
        hooks: [
          httpCheckMode({ portName: 'hooks', path: '/drain', verb: 'POST', payload: '{}' }),
          { type: 'CMD', command: 'echo pre-shutdown-hook > /proc/1/fd/1' },
        ],
        waitBeforeKillMs: 300,
      },
      stopGraceSeconds: 1,
    });
    expect(outcomes.map((o) => o.result.healthy)).toEqual([true, true]);
    const details = await runtime.inspect(victim.containerId);
    expect(details?.running).toBe(false);
    const drain = hookCalls.find((c) => c.path === '/drain');
    expect(drain).toBeDefined();
    expect((details?.finishedAt ?? 0) - (drain?.at ?? Infinity)).toBeGreaterThanOrEqual(250);
    expect(textOf(await collect(await runtime.logs(victim.containerId, { follow: false })))).toContain(
      'pre-shutdown-hook',
    );
  });
});
