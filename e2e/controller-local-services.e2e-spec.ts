import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { removeRun, waitForActiveExecutor } from './support/cluster';

const namespace = `drove-e2e-localsvc-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 5300;
const EXECUTORS = [5320, 5330];
const HOST_PORTS = [
  { from: 45300, to: 45349 },
  { from: 45350, to: 45399 },
];
const SERVICE_ID = 'sample-service-1';

interface Instance {
  instanceId: string;
  executorId: string;
  state: string;
  localInfo?: { ports: Record<string, { hostPort: number }> };
}

async function api(path: string, body?: unknown): Promise<{ status: string; data: unknown }> {
  const res = await fetch(`http://127.0.0.1:${CONTROLLER}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return (await res.json()) as { status: string; data: unknown };
}

/** The sample app as a local service: no exposure, a LOCAL placement policy. */
function serviceSpec(): Record<string, unknown> {
  const app = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8'));
  const { exposureSpec: _exposure, ...spec } = app;
  return {
    ...spec,
    name: 'sample-service',
    type: 'LOCAL_SERVICE',
    placementPolicy: { type: 'LOCAL', hostLevel: false },
  };
}

describe('a local service on a controller and two executor processes, real ZooKeeper and dockerd', () => {
  const runtime = new DockerContainerRuntime();
  let controller: ChildProcess;
  let executors: ChildProcess[] = [];

  beforeAll(async () => {
    controller = startController(CONTROLLER, namespace);
    executors = EXECUTORS.map((port, i) => startExecutor(port, namespace, run, HOST_PORTS[i]));
    await waitForActiveExecutor(CONTROLLER);
    await waitFor('two ACTIVE executors', async () => {
      const listed = (await api('cluster/executors')).data as { state: string }[];
      return listed.filter((e) => e.state === 'ACTIVE').length === 2 ? true : undefined;
    });
  });

  afterAll(async () => {
    await Promise.all([...executors.map((e) => stopApp(e)), stopApp(controller)]);
    await removeRun(namespace, run);
  });

  const instances = async (suffix = '') =>
    ((await api(`localservices/${SERVICE_ID}/instances${suffix}`)).data ?? []) as Instance[];
  const runContainers = () =>
    runtime.list({ labels: { 'drove-ts.run': run, 'drove.job.type': 'LOCAL_SERVICE' }, all: true });

  it('runs one HEALTHY instance per executor while ACTIVE, none once deactivated, and destroys it', async () => {
    expect(await api('localservices/validate/spec', serviceSpec())).toMatchObject({ status: 'SUCCESS' });
    const created = await api('localservices/operations', {
      type: 'CREATE',
      spec: serviceSpec(),
      instancesPerHost: 1,
    });
    expect(created).toEqual({ status: 'SUCCESS', data: { serviceId: SERVICE_ID }, message: 'success' });
    expect((await api(`localservices/${SERVICE_ID}`)).data).toMatchObject({
      state: 'INACTIVE',
      instancesPerHost: 1,
    });
    expect(await api('localservices/operations', { type: 'ACTIVATE', serviceId: SERVICE_ID })).toMatchObject({
      status: 'SUCCESS',
    });

    const healthy = await waitFor(
      'one HEALTHY instance on each executor',
      async () => {
        const found = await instances('?state=HEALTHY');
        return new Set(found.map((i) => i.executorId)).size === 2 && found.length === 2 ? found : undefined;
      },
      90_000,
    );
    expect((await api(`localservices/${SERVICE_ID}`)).data).toMatchObject({
      state: 'ACTIVE',
      activationState: 'ACTIVE',
      healthyInstances: 2,
    });
    expect((await api('cluster')).data).toMatchObject({ numLocalServices: 1, numActiveLocalServices: 1 });
    for (const instance of healthy) {
      const port = instance.localInfo?.ports.main.hostPort;
      expect((await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) })).status).toBe(
        200,
      );
    }
    expect((await runContainers()).length).toBe(2);
    const logs = await fetch(
      `http://127.0.0.1:${CONTROLLER}/apis/v1/logfiles/localservices/${SERVICE_ID}/${healthy[0].instanceId}/list`,
    );
    expect([logs.status, await logs.json()]).toEqual([
      200,
      expect.objectContaining({ files: expect.any(Array) }),
    ]);

    expect(
      await api('localservices/operations', { type: 'DEACTIVATE', serviceId: SERVICE_ID }),
    ).toMatchObject({
      status: 'SUCCESS',
    });
    await waitFor(
      'INACTIVE with no instance running',
      async () => {
        const summary = (await api(`localservices/${SERVICE_ID}`)).data as { state: string };
        return summary.state === 'INACTIVE' && (await instances()).length === 0 ? true : undefined;
      },
      60_000,
    );
    await waitFor('no container left', async () => ((await runContainers()).length === 0 ? true : undefined));
    expect((await instances('/old')).map((i) => i.state)).toEqual(['STOPPED', 'STOPPED']);

    expect(await api('localservices/operations', { type: 'DESTROY', serviceId: SERVICE_ID })).toMatchObject({
      status: 'SUCCESS',
    });
    await waitFor('the service gone', async () =>
      (await api(`localservices/${SERVICE_ID}`)).status === 'FAILED' ? true : undefined,
    );
    expect((await api('cluster')).data).toMatchObject({ numLocalServices: 0 });
  }, 240_000);
});
