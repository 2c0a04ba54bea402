import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerContainerRuntime } from '../apps/executor/src/runtime/docker/docker-container-runtime';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { withControllerAndExecutor } from './support/cluster';

const namespace = `drove-e2e-exec-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 4800;
const EXECUTOR = 4820;
const HOST_PORTS = { from: 44700, to: 44799 };
const APP_ID = 'sample-app-1';
const opSpec = { timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' };

interface InstanceView {
  instanceId: string;
  state: string;
  updated: number;
  localInfo: { ports: Record<string, { hostPort: number }> };
}

async function api(path: string, body?: unknown): Promise<{ data: unknown }> {
  const res = await fetch(`http://127.0.0.1:${CONTROLLER}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return (await res.json()) as { data: unknown };
}

const instances = async (): Promise<InstanceView[]> =>
  ((await api(`applications/${APP_ID}/instances`)).data as InstanceView[]) ?? [];

describe('a controller and an executor process on the real ZooKeeper and dockerd', () => {
  const runtime = new DockerContainerRuntime();
  const processes = withControllerAndExecutor(
    { controller: CONTROLLER, executor: EXECUTOR, hostPorts: HOST_PORTS },
    namespace,
    run,
  );

  it('runs an app instance to HEALTHY, keeps it across a killed executor, and stops it on scale-down', async () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8'));
    await api('applications/operations', { type: 'CREATE', spec, instances: 1, opSpec });
    const [healthy] = await waitFor('a HEALTHY instance', async () => {
      const found = (await instances()).filter((i) => i.state === 'HEALTHY');
      return found.length === 1 ? found : undefined;
    });
    const hostPort = healthy?.localInfo.ports.main?.hostPort;
    expect((await fetch(`http://127.0.0.1:${hostPort}/files/drove.txt`)).status).toBe(200);
    const [container] = await runtime.list({ labels: { 'drove-ts.run': run }, all: true });

    await stopApp(processes.executor, 'SIGKILL');
    processes.executor = startExecutor(EXECUTOR, namespace, run, HOST_PORTS);
    await waitFor('the restarted executor to report the instance again', async () => {
      const [again] = await instances();
      return again && again.state === 'HEALTHY' && again.updated > (healthy?.updated ?? 0)
        ? again
        : undefined;
    });
    expect((await instances()).map((i) => i.instanceId)).toEqual([healthy?.instanceId]);
    expect(await runtime.list({ labels: { 'drove-ts.run': run }, all: true })).toEqual([
      expect.objectContaining({ id: container?.id, running: true }),
    ]);

    await api('applications/operations', { type: 'SCALE', appId: APP_ID, requiredInstances: 0, opSpec });
    await waitFor('the container to be removed', async () =>
      (await runtime.list({ labels: { 'drove-ts.run': run }, all: true })).length === 0 ? true : undefined,
    );
  });
});
