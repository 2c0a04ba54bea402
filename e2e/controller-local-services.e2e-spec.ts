import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { removeRunContainers } from '../apps/executor/src/testing/run-containers.fixture';
import { removeNamespace, waitForActiveExecutor } from './support/cluster';
import { missingFields } from './support/required-fields';

const namespace = `drove-e2e-localsvc-${randomUUID()}`;
// One run label per executor: an executor adopts every container carrying its labels on start, and all three
// share this machine's dockerd, so the late one would otherwise take over the others' instances.
const run = randomUUID().slice(0, 8);
const runs = [0, 1, 2].map((i) => `${run}-${i}`);
const CONTROLLER = 5300;
const EXECUTORS = [5320, 5330, 5340];
const HOST_PORTS = [
  { from: 45300, to: 45329 },
  { from: 45330, to: 45359 },
  { from: 45360, to: 45389 },
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

const serviceSpec = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-local-service.json'), 'utf8'));

describe('a local service on a controller and executor processes, real ZooKeeper and dockerd', () => {
  const runtime = new DockerContainerRuntime();
  let controller: ChildProcess;
  let executors: ChildProcess[] = [];

  beforeAll(async () => {
    controller = startController(CONTROLLER, namespace);
    executors = [0, 1].map((i) => startExecutor(EXECUTORS[i], namespace, runs[i], HOST_PORTS[i], [], true));
    await waitForActiveExecutor(CONTROLLER);
    await waitFor('two ACTIVE executors', async () => {
      const listed = (await api('cluster/executors')).data as { state: string }[];
      return listed.filter((e) => e.state === 'ACTIVE').length === 2 ? true : undefined;
    });
  });

  afterAll(async () => {
    await Promise.all([...executors.map((e) => stopApp(e)), stopApp(controller)]);
    for (const label of runs) await removeRunContainers(runtime, label);
    await removeNamespace(namespace);
  });

  const instances = async (suffix = '') =>
    ((await api(`localservices/${SERVICE_ID}/instances${suffix}`)).data ?? []) as Instance[];
  const runContainers = async () =>
    (await runtime.list({ labels: { 'drove.job.type': 'LOCAL_SERVICE' }, all: true })).filter((c) =>
      runs.includes(c.labels['drove-ts.run']),
    );

  it('runs an instance per executor while ACTIVE (a late one waits UNREADY for it), none once deactivated', async () => {
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
      'ACTIVE with one HEALTHY instance on each executor',
      async () => {
        const found = await instances('?state=HEALTHY');
        const { state } = (await api(`localservices/${SERVICE_ID}`)).data as { state: string };
        const spread = new Set(found.map((i) => i.executorId)).size === 2 && found.length === 2;
        return state === 'ACTIVE' && spread ? found : undefined;
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

    // A third executor joining now stays UNREADY until it runs the service's instance, then becomes ACTIVE.
    executors.push(startExecutor(EXECUTORS[2], namespace, runs[2], HOST_PORTS[2], [], true));
    const seen: string[] = [];
    const third = await waitFor(
      'the third executor ACTIVE',
      async () => {
        const listed = (await api('cluster/executors')).data as {
          executorId: string;
          port: number;
          state: string;
        }[];
        const found = listed.find((e) => e.port === EXECUTORS[2]);
        if (found && seen.at(-1) !== found.state) seen.push(found.state);
        return found?.state === 'ACTIVE' ? found : undefined;
      },
      90_000,
    );
    expect(seen).toEqual(['UNREADY', 'ACTIVE']);
    await waitFor('its instance HEALTHY', async () =>
      (await instances('?state=HEALTHY')).some((i) => i.executorId === third.executorId) ? true : undefined,
    );
    expect((await runContainers()).length).toBe(3);

    // what the drove CLI reads (reference drove-clients 1.4, localservices and lsinstances), and its RESTART
    const listed = await api('localservices');
    const fields = ['name', 'state', 'activationState', 'totalCPUs', 'totalMemory', 'instancesPerHost']
      .concat(['healthyInstances', 'created', 'updated'])
      .map((f) => `data.${SERVICE_ID}.${f}`);
    expect(missingFields(listed, fields)).toEqual([]);
    const running = await api(`localservices/${SERVICE_ID}/instances`);
    expect(
      missingFields(
        running,
        ['instanceId', 'localInfo.hostname', 'state', 'created', 'updated', 'errorMessage'].map(
          (f) => `data.*.${f}`,
        ),
      ),
    ).toEqual([]);
    const [first] = running.data as Instance[];
    const info = await api(`localservices/${SERVICE_ID}/instances/${first.instanceId}`);
    const portFields = ['containerPort', 'hostPort', 'portType'].map((f) => `data.localInfo.ports.*.${f}`);
    expect(
      missingFields(info, [
        'data.instanceId',
        'data.serviceId',
        'data.state',
        'data.resources',
        ...portFields,
      ]),
    ).toEqual([]);
    expect((info.data as { metadata: unknown }).metadata).toEqual({});
    const executor = await api(`cluster/executors/${first.executorId}`);
    const serviceFields = ['instanceId', 'serviceName', 'serviceId', 'resources', 'state', 'errorMessage']
      .concat(['created', 'updated'])
      .map((f) => `data.serviceInstances.*.${f}`);
    expect(missingFields(executor, serviceFields)).toEqual([]);
    const before = (await instances()).map((i) => i.instanceId);
    const cliOpSpec = { timeout: '5m', parallelism: 1, failureStrategy: 'STOP' };
    const restart = { type: 'RESTART', serviceId: SERVICE_ID, stopFirst: true, opSpec: cliOpSpec };
    expect(await api('localservices/operations', restart)).toMatchObject({ status: 'SUCCESS' });
    await waitFor(
      'every instance replaced',
      async () => {
        const now = await instances('?state=HEALTHY');
        const { state } = (await api(`localservices/${SERVICE_ID}`)).data as { state: string };
        const fresh = now.length === 3 && now.every((i) => !before.includes(i.instanceId));
        return state === 'ACTIVE' && fresh ? true : undefined;
      },
      90_000,
    );

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
    expect((await instances('/old')).map((i) => i.state)).toEqual(Array(6).fill('STOPPED'));

    expect(await api('localservices/operations', { type: 'DESTROY', serviceId: SERVICE_ID })).toMatchObject({
      status: 'SUCCESS',
    });
    await waitFor('the service gone', async () =>
      (await api(`localservices/${SERVICE_ID}`)).status === 'FAILED' ? true : undefined,
    );
    expect((await api('cluster')).data).toMatchObject({ numLocalServices: 0 });
  }, 240_000);
});
