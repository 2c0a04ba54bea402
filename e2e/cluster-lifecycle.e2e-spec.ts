import Docker from 'dockerode';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startController } from './support/controllers';
import { startExecutor } from './support/executors';
import { repoRoot, stopApp, waitFor } from './support/processes';
import { removeNamespace } from './support/cluster';

const namespace = `drove-e2e-lifecycle-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const controllerPort = 4900;
const executorPort = 3900;
const api = `http://127.0.0.1:${controllerPort}/apis/v1`;
const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8')) as {
  name: string;
};
const appId = 'sample-app-1';
const docker = new Docker();
const ourContainers = () => docker.listContainers({ filters: { label: [`drove-ts.run=${run}`] } });

interface Envelope<T> {
  status: string;
  data: T;
  message: string;
}
interface InstanceInfo {
  instanceId: string;
  state: string;
  localInfo: { ports: Record<string, { hostPort: number }> };
}

async function get<T>(path: string): Promise<Envelope<T>> {
  const res = await fetch(`${api}${path}`, { signal: AbortSignal.timeout(5000) });
  return (await res.json()) as Envelope<T>;
}

async function operate(body: object): Promise<Envelope<unknown>> {
  const res = await fetch(`${api}/applications/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10000),
  });
  return (await res.json()) as Envelope<unknown>;
}

const opSpec = { timeout: '2 minutes', parallelism: 1, failureStrategy: 'STOP' };

async function healthy(count: number): Promise<InstanceInfo[] | undefined> {
  const res = await get<InstanceInfo[]>(`/applications/${appId}/instances`);
  const up = res.data.filter((i) => i.state === 'HEALTHY');
  return up.length === count && res.data.length === count ? up : undefined;
}

describe('a controller and an executor as processes, on the real ZooKeeper and dockerd', () => {
  let controller: ChildProcess;
  let executor: ChildProcess;

  beforeAll(async () => {
    controller = startController(controllerPort, namespace);
    executor = startExecutor(executorPort, namespace, run, { from: 24000, to: 24999 });
    await waitFor(
      'the executor to register with the leader',
      async () => {
        const res = await get<unknown[]>('/cluster/executors');
        return res.status === 'SUCCESS' && res.data.length === 1 ? true : undefined;
      },
      30000,
    );
  });

  afterAll(async () => {
    await Promise.all([stopApp(executor), stopApp(controller)]);
    for (const c of await docker.listContainers({
      all: true,
      filters: { label: [`drove-ts.run=${run}`] },
    })) {
      await docker.getContainer(c.Id).remove({ force: true });
    }
    await removeNamespace(namespace);
  });

  it('creates the sample app HEALTHY and reachable, pinned to its cores; replaces a killed container; suspends; destroys', async () => {
    expect(await operate({ type: 'CREATE', spec, instances: 1, opSpec })).toMatchObject({
      status: 'SUCCESS',
      data: { appId },
    });
    const [first] = await waitFor('one HEALTHY instance', () => healthy(1), 60000);
    const port = first.localInfo.ports.main.hostPort;
    const page = await fetch(`http://127.0.0.1:${port}/files/drove.txt`);
    expect(await page.text()).toBe('Hello from Drove-TS\n');
    const [container] = await ourContainers();
    const inspected = await docker.getContainer(container.Id).inspect();
    expect(inspected.HostConfig.CpusetCpus).toMatch(/^\d+$/);
    expect(inspected.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(container.Labels['drove.instance.id']).toBe(first.instanceId);

    await docker.getContainer(container.Id).kill();
    const [replacement] = await waitFor(
      'a replacement HEALTHY instance',
      async () => {
        const up = await healthy(1);
        return up && up[0].instanceId !== first.instanceId ? up : undefined;
      },
      90000,
    );
    expect(replacement.instanceId).toMatch(/^AI-/);
    // The monitor's recovery is an operation of its own; Drove refuses a new one until it completes.
    await waitFor(
      'the recovery to complete',
      async () => {
        const app = await get<{ state: string }>(`/applications/${appId}`);
        return app.data.state === 'RUNNING' ? true : undefined;
      },
      30000,
    );

    expect(await operate({ type: 'SUSPEND', appId, opSpec })).toMatchObject({ status: 'SUCCESS' });
    await waitFor(
      'the app to be suspended with no container',
      async () => {
        const app = await get<{ state: string }>(`/applications/${appId}`);
        return app.data.state === 'MONITORING' && (await ourContainers()).length === 0 ? true : undefined;
      },
      60000,
    );

    expect(await operate({ type: 'DESTROY', appId, opSpec })).toMatchObject({ status: 'SUCCESS' });
    await waitFor(
      'the app to be gone',
      async () => {
        const app = await get<unknown>(`/applications/${appId}`);
        return app.status === 'FAILED' ? app : undefined;
      },
      30000,
    );
    expect((await get<unknown>(`/applications/${appId}`)).message).toBe(`App ${appId} not found`);
  });
});
