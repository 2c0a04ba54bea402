import Docker from 'dockerode';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeRun } from './support/cluster';
import { ping, soleLeader, startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { InstanceView, ScenarioClient } from './support/scenario-client';

// Issue 7's whole lifecycle as one scenario: two controllers, two executors with synthetic NUMA topologies.
// Each executor has 2 NUMA nodes of 2 cores (ids 0-1 and 2-3); this host has 2 CPUs and one memory node, so the
// executors put synthetic cpu i on host cpu i mod 2 and every node on memory node 0 in the containers' cpusets.
const namespace = `drove-e2e-scenario-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLERS = [5200, 5210];
const EXECUTORS = [5220, 5230];
const HOST_PORTS = [
  { from: 45200, to: 45249 },
  { from: 45250, to: 45299 },
];
const NODE_CORES: Record<string, number[]> = { 0: [0, 1], 1: [2, 3] };
const HOST_CPUS = [0, 1];
const EXECUTOR_RESOURCES =
  'resources: { syntheticTopology: "numa:2 core:2 pu:1", syntheticHostCpus: [0, 1], syntheticHostMemoryNodes: [0] }';
// A quick monitor and a short maintenance grace keep the scenario within a few minutes.
const CONTROLLER_OPTIONS = 'options: { appMonitorIntervalMs: 2000, maintenanceGraceMs: 2000 }';
const APP_ID = 'numa-app-1';
const opSpec = { timeout: '3 minutes', parallelism: 1, failureStrategy: 'STOP' };
const spec = {
  ...JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8')),
  name: 'numa-app',
  exposureSpec: { vhost: 'numa-app.local', portName: 'main', mode: 'ALL' },
};
const taskSpec = (taskId: string, exitCode: number) => ({
  sourceAppName: 'numa-batch',
  taskId,
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  env: { ITERATIONS: '1', EXIT_CODE: String(exitCode) },
});

const docker = new Docker();
const runContainers = () => docker.listContainers({ filters: { label: [`drove-ts.run=${run}`] } });
const ids = (instances: InstanceView[]) => instances.map((i) => i.instanceId).sort();
const cpuset = (cpus: number[]) => [...new Set(cpus)].sort((a, b) => a - b).join(',');

/**
 * Every instance's cores lie on one NUMA node of the synthetic topology, no core of an executor serves two
 * instances, and its container's cpuset is those cores on this host.
 */
async function expectPinned(instances: InstanceView[]): Promise<void> {
  const containers = await runContainers();
  const taken = new Set<string>();
  for (const instance of instances) {
    const cores = instance.resources.find((r) => r.type === 'CPU')?.cores ?? {};
    const nodes = Object.keys(cores);
    expect(nodes).toHaveLength(1);
    const pinned = cores[nodes[0]];
    for (const core of pinned) {
      expect(NODE_CORES[nodes[0]]).toContain(core);
      const key = `${instance.executorId}/${core}`;
      expect(taken.has(key)).toBe(false);
      taken.add(key);
    }
    const container = containers.find((c) => c.Labels['drove.instance.id'] === instance.instanceId);
    const { HostConfig } = await docker.getContainer(container?.Id ?? 'missing').inspect();
    expect([HostConfig.CpusetCpus, HostConfig.CpusetMems]).toEqual([
      cpuset(pinned.map((core) => HOST_CPUS[core % HOST_CPUS.length])),
      '0',
    ]);
  }
}

describe('the whole lifecycle on two controllers and two NUMA executors (real ZooKeeper and dockerd)', () => {
  const controllers = new Map<number, ChildProcess>();
  const executors: ChildProcess[] = [];
  const api = new ScenarioClient(CONTROLLERS[0]);
  const operate = (body: object) => api.call('applications/operations', body);
  const executorStates = async () =>
    (await api.get<{ executorId: string; port: number; state: string }[]>('cluster/executors')).sort(
      (a, b) => a.port - b.port,
    );

  /** The app's summary and every instance (active and old) by id and state, as the leader serves them. */
  const servedState = async () => {
    const byId = (list: InstanceView[]) =>
      list
        .map((i) => ({ instanceId: i.instanceId, state: i.state }))
        .sort((a, b) => a.instanceId.localeCompare(b.instanceId));
    return {
      summary: await api.get<{ state: string }>(`applications/${APP_ID}`),
      active: byId(await api.instances(APP_ID)),
      old: byId(await api.get<InstanceView[]>(`applications/${APP_ID}/instances/old`)),
    };
  };

  beforeAll(async () => {
    for (const port of CONTROLLERS)
      controllers.set(port, startController(port, namespace, [CONTROLLER_OPTIONS]));
    EXECUTORS.forEach((port, i) =>
      executors.push(startExecutor(port, namespace, run, HOST_PORTS[i], [EXECUTOR_RESOURCES])),
    );
    api.port = await waitFor('one leader', () => soleLeader(CONTROLLERS), 30_000);
    await waitFor(
      'both executors ACTIVE',
      async () =>
        (await executorStates()).filter((e) => e.state === 'ACTIVE').length === 2 ? true : undefined,
      30_000,
    );
  });

  afterAll(async () => {
    await Promise.all([...executors, ...controllers.values()].map((p) => stopApp(p)));
    await removeRun(namespace, run);
  });

  it('creates, scales to 3 on distinct pinned cores, lists the endpoints, replaces a killed container', async () => {
    expect((await operate({ type: 'CREATE', spec, instances: 0, opSpec })).body).toMatchObject({
      status: 'SUCCESS',
    });
    await waitFor('the app MONITORING', async () =>
      (await api.get<{ state: string } | undefined>(`applications/${APP_ID}`))?.state === 'MONITORING'
        ? true
        : undefined,
    );
    // two executors of 4 synthetic cores: 9 instances of one core do not fit, and nothing is stored
    const tooMany = await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 9, opSpec });
    expect([tooMany.code, tooMany.body.data]).toEqual([
      400,
      { validationErrors: ['Cluster does not have enough CPU. Required: 9 Available: 8'] },
    ]);
    expect(await api.get(`applications/${APP_ID}`)).toMatchObject({ requiredInstances: 0 });
    const scale = {
      type: 'SCALE',
      appId: APP_ID,
      requiredInstances: 3,
      opSpec: { ...opSpec, parallelism: 3 },
    };
    expect((await operate(scale)).body).toMatchObject({ status: 'SUCCESS' });
    const three = await api.settled(APP_ID, 3);
    await expectPinned(three);

    const endpoints =
      await api.get<{ appId: string; vhost: string; hosts: { port: number }[] }[]>('endpoints');
    const hostPorts = (i: InstanceView) => i.localInfo.ports.main.hostPort;
    expect(endpoints).toEqual([expect.objectContaining({ appId: APP_ID, vhost: 'numa-app.local' })]);
    expect(endpoints[0].hosts.map((h) => h.port).sort()).toEqual(three.map(hostPorts).sort());

    const victim = three[0];
    const container = (await runContainers()).find(
      (c) => c.Labels['drove.instance.id'] === victim.instanceId,
    );
    await docker.getContainer(container?.Id ?? 'missing').kill();
    const recovered = await waitFor(
      'a replacement HEALTHY',
      async () => {
        const now = await api.settled(APP_ID, 3, 'RUNNING', 1000).catch(() => undefined);
        return now && !ids(now).includes(victim.instanceId) ? now : undefined;
      },
      90_000,
    );
    await expectPinned(recovered);
  }, 200_000);

  it('replaces all instances: new ids, the old ones under /instances/old', async () => {
    const before = ids(await api.instances(APP_ID));
    const replace = { type: 'REPLACE_INSTANCES', appId: APP_ID, instanceIds: [], stopFirst: false, opSpec };
    expect((await operate({ ...replace, opSpec: { ...opSpec, parallelism: 3 } })).body.status).toBe(
      'SUCCESS',
    );
    const after = await waitFor(
      'three new HEALTHY instances',
      async () => {
        const now = await api.settled(APP_ID, 3, 'RUNNING', 1000).catch(() => undefined);
        return now && ids(now).every((id) => !before.includes(id)) ? now : undefined;
      },
      90_000,
    );
    await expectPinned(after);
    const old = ids(await api.get<InstanceView[]>(`applications/${APP_ID}/instances/old`));
    expect(old).toEqual(expect.arrayContaining(before));
  }, 120_000);

  it('runs a task exiting 0 to SUCCESSFUL and one exiting 3 to FAILED with exit code 3', async () => {
    for (const [taskId, exitCode] of [
      ['ok', 0],
      ['bad', 3],
    ] as const) {
      const created = await api.call('tasks/operations', {
        type: 'CREATE',
        spec: taskSpec(taskId, exitCode),
        opSpec,
      });
      expect(created.body.status).toBe('SUCCESS');
    }
    const stopped = (taskId: string) =>
      waitFor(
        `task ${taskId} STOPPED`,
        async () => {
          const info = await api.get<{ state: string; taskResult?: unknown } | undefined>(
            `tasks/numa-batch/instances/${taskId}`,
          );
          return info?.state === 'STOPPED' ? info.taskResult : undefined;
        },
        60_000,
      );
    expect(await stopped('ok')).toEqual({ status: 'SUCCESSFUL', exitCode: 0 });
    expect(await stopped('bad')).toEqual({ status: 'FAILED', exitCode: 3 });
  }, 90_000);

  it('refuses operations in maintenance, then moves the instances off a blacklisted executor', async () => {
    expect((await api.call('cluster/maintenance/set', {})).body.data).toMatchObject({ state: 'MAINTENANCE' });
    const refused = await operate({ type: 'SCALE', appId: APP_ID, requiredInstances: 4, opSpec });
    expect(refused).toEqual({
      code: 400,
      body: expect.objectContaining({ data: { validationErrors: ['Cluster is in maintenance mode'] } }),
    });
    expect((await api.call('cluster/maintenance/unset', {})).body.data).toMatchObject({ state: 'NORMAL' });

    const target = (await api.instances(APP_ID))[0].executorId;
    const other = (await executorStates()).find((e) => e.executorId !== target)?.executorId;
    // the blacklisting is refused until the maintenance grace is over
    await waitFor('the blacklisting accepted', async () => {
      const answer = await api.call<{ successful: string[] }>(`cluster/executors/${target}/blacklist`, {});
      return answer.body.data?.successful?.includes(target) ? true : undefined;
    });
    const moved = await waitFor(
      'all instances on the other executor',
      async () => {
        const now = await api.settled(APP_ID, 3, 'RUNNING', 1000).catch(() => undefined);
        return now?.every((i) => i.executorId === other) ? now : undefined;
      },
      90_000,
    );
    await expectPinned(moved);

    await api.call(`cluster/executors/unblacklist?id=${target}`, {});
    await waitFor('both executors ACTIVE again', async () =>
      (await executorStates()).every((e) => e.state === 'ACTIVE') ? true : undefined,
    );
  }, 150_000);

  it('survives kill -9 of the leader mid-operation: the other leads, serves the same state, completes the scale', async () => {
    const scale = { type: 'SCALE', appId: APP_ID, requiredInstances: 5, opSpec };
    expect((await operate(scale)).body).toMatchObject({ status: 'SUCCESS' });
    await waitFor('the scale under way', async () =>
      (await api.instances(APP_ID)).length > 3 ? true : undefined,
    );

    // Frozen executors report nothing and start nothing, so the state cannot move between the two reads: well
    // under their 30 s ZooKeeper session (the controllers' is 4 s) and the 30 s a START is retried for.
    executors.forEach((executor) => executor.kill('SIGSTOP'));
    try {
      const killed = api.port;
      const atKill = await waitFor('the old leader serving a settled state', async () => {
        const first = await servedState();
        await new Promise((resolve) => setTimeout(resolve, 500));
        const second = await servedState();
        return JSON.stringify(first) === JSON.stringify(second) ? first : undefined;
      });
      await stopApp(controllers.get(killed) as ChildProcess, 'SIGKILL');
      expect(atKill.summary.state).toBe('SCALING_REQUESTED');
      expect(atKill.active.length).toBeGreaterThan(3);

      const follower = CONTROLLERS.find((p) => p !== killed) as number;
      const start = Date.now();
      await waitFor(
        'the follower to lead',
        async () => ((await ping(follower)) === 200 ? true : undefined),
        30_000,
      );
      api.port = follower;
      const served = await servedState();
      expect(Date.now() - start).toBeLessThan(15_000);
      expect(served).toEqual(atKill);
    } finally {
      executors.forEach((executor) => executor.kill('SIGCONT'));
    }

    const five = await api.settled(APP_ID, 5, 'RUNNING', 120_000);
    await expectPinned(five);
  }, 180_000);

  it('suspends, then destroys', async () => {
    expect((await operate({ type: 'SUSPEND', appId: APP_ID, opSpec })).body).toMatchObject({
      status: 'SUCCESS',
    });
    await waitFor(
      'no container left',
      async () => {
        const app = await api.get<{ state: string }>(`applications/${APP_ID}`);
        return app.state === 'MONITORING' && (await runContainers()).length === 0 ? true : undefined;
      },
      60_000,
    );
    expect((await operate({ type: 'DESTROY', appId: APP_ID, opSpec })).body).toMatchObject({
      status: 'SUCCESS',
    });
    await waitFor(
      'the app gone',
      async () => {
        const gone = await api.call(`applications/${APP_ID}`);
        return gone.body.message === `App ${APP_ID} not found` ? true : undefined;
      },
      30_000,
    );
  }, 90_000);
});
