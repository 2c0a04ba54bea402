import { hollowCheckers } from '../checks/hollow-checkers';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { droveTestImages } from '../runtime/hollow/drove-test-images';
import {
  appDto,
  appInstanceJson,
  cmdCheck,
  engineHarness,
  httpCheck,
  taskDto,
  taskInstanceJson,
} from '../testing/engine.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';

function hollowEngine(runtime = new HollowContainerRuntime({ images: droveTestImages(10) })) {
  return { runtime, ...engineHarness(runtime, launcherSettings('unit'), hollowCheckers(runtime)) };
}

const APP_PATH = ['PENDING', 'PROVISIONING', 'STARTING', 'UNREADY', 'READY', 'HEALTHY'];

describe('InstanceEngine on the hollow runtime', () => {
  it('runs an instance to HEALTHY and stops it through STOPPING and DEPROVISIONING', async () => {
    const { engine, runtime, states, reached } = hollowEngine();
    const json = appInstanceJson();
    const id = json.instanceId as string;
    expect(engine.startInstance(appDto(json), json)).toEqual({ ok: true });
    const healthy = await reached(id, 'HEALTHY');
    expect(healthy.info).toMatchObject({ appId: json.appId, executorId: 'executor-test' });
    expect(healthy.info).toMatchObject({ localInfo: { ports: { main: { containerPort: 8000 } } } });
    expect(engine.stop(id)).toEqual({ ok: true });
    await reached(id, 'STOPPED');
    expect(states.get(id)).toEqual([...APP_PATH, 'STOPPING', 'DEPROVISIONING', 'STOPPED']);
    expect(await runtime.list({ labels: { 'drove.instance.id': id }, all: true })).toEqual([]);
    await engine.settled();
    expect(engine.records()).toEqual([]);
  });

  it('fails readiness: READINESS_CHECK_FAILED, container removed, cores free again', async () => {
    const { engine, runtime, states, reached, ctx } = hollowEngine();
    const json = appInstanceJson({ readiness: cmdCheck('false', { attempts: 2 }) });
    const id = json.instanceId as string;
    engine.startInstance(appDto(json), json);
    const failed = await reached(id, 'READINESS_CHECK_FAILED');
    expect(failed.info.errorMessage).not.toBe('');
    await reached(id, 'STOPPED');
    expect(states.get(id)?.slice(3)).toEqual([
      'UNREADY',
      'READINESS_CHECK_FAILED',
      'DEPROVISIONING',
      'STOPPED',
    ]);
    expect(await runtime.list({ labels: { 'drove.instance.id': id }, all: true })).toEqual([]);
    expect(ctx.locks.snapshot('x').cpus.usedCores).toEqual({ 0: [] });
  });

  it('goes UNHEALTHY when the container dies, then is stopped', async () => {
    const { engine, runtime, states, reached } = hollowEngine();
    const json = appInstanceJson({ healthcheck: httpCheck({ attempts: 2 }) });
    const id = json.instanceId as string;
    engine.startInstance(appDto(json), json);
    await reached(id, 'HEALTHY');
    const [container] = await runtime.list({ labels: { 'drove.instance.id': id }, all: true });
    runtime.crash(container?.id ?? '', 137);
    await reached(id, 'STOPPED');
    expect(states.get(id)?.slice(5)).toEqual(['HEALTHY', 'UNHEALTHY', 'DEPROVISIONING', 'STOPPED']);
  });

  it.each([
    ['an unknown image', { url: 'nowhere/none:1', dockerPullTimeout: '1 second' }, 'PROVISIONING_FAILED'],
  ])('fails on %s', async (_name, executable, state) => {
    const { engine, states, reached } = hollowEngine();
    const json = appInstanceJson({ executable });
    const id = json.instanceId as string;
    engine.startInstance(appDto(json), json);
    await reached(id, 'STOPPED');
    expect(states.get(id)).toEqual(['PENDING', 'PROVISIONING', state, 'DEPROVISIONING', 'STOPPED']);
  });

  it('reports START_FAILED when the engine refuses to start the container', async () => {
    const runtime = new HollowContainerRuntime({
      images: droveTestImages(10),
      startFailures: { 'drove-test/http-server:latest': 'cpuset unavailable' },
    });
    // a frozen clock: every report must still be newer than the one before, or the controller drops it
    const { engine, reached } = engineHarness(runtime, launcherSettings('unit'), hollowCheckers(runtime), {
      now: () => 1000,
    });
    const json = appInstanceJson();
    engine.startInstance(appDto(json), json);
    const failed = await reached(json.instanceId as string, 'START_FAILED');
    expect(failed.info.errorMessage).toContain('cpuset unavailable');
    const stopped = await reached(json.instanceId as string, 'STOPPED');
    expect(stopped.info.updated).toBeGreaterThan(failed.info.updated);
  });

  it('refuses a START whose cores are locked, a duplicate id and a stop in the wrong state', async () => {
    const { engine, reached } = hollowEngine();
    const first = appInstanceJson();
    engine.startInstance(appDto(first), first);
    const second = appInstanceJson();
    expect(engine.startInstance(appDto(second), second)).toEqual({
      ok: false,
      reason: `Core 0 is already allocated to ${first.instanceId}`,
    });
    expect(engine.startInstance(appDto(first), first).ok).toBe(false);
    expect(engine.stop('AI-none').ok).toBe(false);
    await reached(first.instanceId as string, 'HEALTHY');
    engine.stop(first.instanceId as string);
    await engine.settled();
    expect(engine.startInstance(appDto(second), second)).toEqual({ ok: true });
    await reached(second.instanceId as string, 'HEALTHY');
    engine.stop(second.instanceId as string);
    await engine.settled();
  });

  it.each([
    ['exit 0', { ITERATIONS: '2', EXIT_CODE: '0' }, { status: 'SUCCESSFUL', exitCode: 0 }],
    ['exit 3', { ITERATIONS: '2', EXIT_CODE: '3' }, { status: 'FAILED', exitCode: 3 }],
  ])('runs a task to RUN_COMPLETED on %s', async (_name, env, taskResult) => {
    const { engine, states, last, reached } = hollowEngine();
    const json = taskInstanceJson(env);
    const id = json.instanceId as string;
    expect(engine.startTask(taskDto(json), json)).toEqual({ ok: true });
    await reached(id, 'STOPPED');
    expect(states.get(id)).toEqual([
      'PENDING',
      'PROVISIONING',
      'STARTING',
      'RUNNING',
      'RUN_COMPLETED',
      'DEPROVISIONING',
      'STOPPED',
    ]);
    expect(last.get(id)?.info).toMatchObject({ taskResult, taskId: json.taskId });
  });

  it('kills a running task: CANCELLED', async () => {
    const { engine, last, reached } = hollowEngine();
    const json = taskInstanceJson({ ITERATIONS: '1000' });
    const id = json.instanceId as string;
    engine.startTask(taskDto(json), json);
    await reached(id, 'RUNNING');
    expect(engine.stop(id)).toEqual({ ok: true });
    await reached(id, 'STOPPED');
    expect(last.get(id)?.info).toMatchObject({ taskResult: { status: 'CANCELLED' } });
  });

  it('recovers running instances and tasks after a restart, locks taken again', async () => {
    const first = hollowEngine();
    const app = appInstanceJson();
    const task = taskInstanceJson({ ITERATIONS: '1000' });
    first.engine.startInstance(appDto(app), app);
    first.engine.startTask(taskDto(task), task);
    await first.reached(app.instanceId as string, 'HEALTHY');
    await first.reached(task.instanceId as string, 'RUNNING');

    const second = hollowEngine(first.runtime);
    expect(await second.engine.recover()).toBe(2);
    await second.reached(app.instanceId as string, 'HEALTHY');
    expect(second.states.get(app.instanceId as string)).toEqual(['UNKNOWN', 'UNREADY', 'READY', 'HEALTHY']);
    expect(second.states.get(task.instanceId as string)).toEqual(['UNKNOWN', 'RUNNING']);
    expect(second.ctx.locks.snapshot('x').cpus.usedCores).toEqual({ 0: [0, 1] });
    const again = appInstanceJson();
    expect(second.engine.startInstance(appDto(again), again).ok).toBe(false);
    second.engine.stop(task.instanceId as string);
    second.engine.stop(app.instanceId as string);
    await second.engine.settled();
  });
});
