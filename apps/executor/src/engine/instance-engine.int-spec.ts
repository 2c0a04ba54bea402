import { containerCheckers } from '../checks/checker-factory';
import { HostPortRange } from '../containers/host-port-range';
import { isTcpPortFree } from '../containers/port-probe';
import { DockerContainerRuntime } from '../runtime/docker/docker-container-runtime';
import { uniqueSuffix } from '../testing/container-spec.fixture';
import {
  appDto,
  appInstanceJson,
  cmdCheck,
  engineHarness,
  hostPortOf,
  taskDto,
  taskInstanceJson,
} from '../testing/engine.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { removeRunContainers } from '../testing/run-containers.fixture';

describe('InstanceEngine on dockerd', () => {
  const run = uniqueSuffix();
  const runtime = new DockerContainerRuntime();
  const portRange = new HostPortRange(43000, 43199, isTcpPortFree);
  const harness = () =>
    engineHarness(runtime, launcherSettings(run, { portRange }), containerCheckers(runtime));

  afterAll(() => removeRunContainers(runtime, run));

  it('runs an instance to HEALTHY, reachable on its host port, and stops it', async () => {
    const { engine, reached } = harness();
    const json = appInstanceJson();
    const id = json.instanceId as string;
    expect(engine.startInstance(appDto(json), json)).toEqual({ ok: true });
    const healthy = await reached(id, 'HEALTHY');
    const hostPort = hostPortOf(healthy, 'main');
    expect((await fetch(`http://127.0.0.1:${hostPort}/`)).status).toBe(200);
    engine.stop(id);
    await reached(id, 'STOPPED');
    expect(await runtime.list({ labels: { 'drove.instance.id': id }, all: true })).toEqual([]);
  });

  it('fails readiness: READINESS_CHECK_FAILED and the container removed', async () => {
    const { engine, reached } = harness();
    const json = appInstanceJson({ readiness: cmdCheck('test -f /nowhere', { attempts: 2 }) });
    const id = json.instanceId as string;
    engine.startInstance(appDto(json), json);
    await reached(id, 'READINESS_CHECK_FAILED');
    await reached(id, 'STOPPED');
    expect(await runtime.list({ labels: { 'drove.instance.id': id }, all: true })).toEqual([]);
  });

  it('goes UNHEALTHY when its health check starts failing, then is stopped', async () => {
    const { engine, reached, states } = harness();
    const json = appInstanceJson({ healthcheck: cmdCheck('test ! -f /tmp/sick', { attempts: 2 }) });
    const id = json.instanceId as string;
    engine.startInstance(appDto(json), json);
    await reached(id, 'HEALTHY');
    const [container] = await runtime.list({ labels: { 'drove.instance.id': id }, all: true });
    await runtime.exec(container?.id ?? '', ['touch', '/tmp/sick']);
    await reached(id, 'STOPPED');
    expect(states.get(id)?.slice(-4)).toEqual(['HEALTHY', 'UNHEALTHY', 'DEPROVISIONING', 'STOPPED']);
  });

  it.each([
    ['exit 0', { ITERATIONS: '1', EXIT_CODE: '0' }, 'SUCCESSFUL', 0],
    ['exit 3', { ITERATIONS: '1', EXIT_CODE: '3' }, 'FAILED', 3],
  ])('runs a task to completion on %s', async (_name, env, status, exitCode) => {
    const { engine, last, reached } = harness();
    const json = taskInstanceJson(env);
    engine.startTask(taskDto(json), json);
    await reached(json.instanceId as string, 'STOPPED');
    expect(last.get(json.instanceId as string)?.info).toMatchObject({ taskResult: { status, exitCode } });
  });

  it('kills a task: CANCELLED; a START on its locked core is refused meanwhile', async () => {
    const { engine, last, reached } = harness();
    const json = taskInstanceJson({ ITERATIONS: '100' });
    const id = json.instanceId as string;
    engine.startTask(taskDto(json), json);
    await reached(id, 'RUNNING');
    const clash = taskInstanceJson({});
    expect(engine.startTask(taskDto(clash), clash)).toEqual({
      ok: false,
      reason: `Core 1 is already allocated to ${id}`,
    });
    expect(engine.stop(id)).toEqual({ ok: true });
    await reached(id, 'STOPPED');
    expect(last.get(id)?.info).toMatchObject({ taskResult: { status: 'CANCELLED' } });
  });
});
