import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ping, soleLeader, startController } from './support/controllers';
import { stopApp, waitFor } from './support/processes';
import { removeNamespace } from './support/cluster';

const namespace = `drove-e2e-apps-${randomUUID()}`;
const ports = [4700, 4710];
const APP_ID = 'mini-1';

async function api(port: number, path: string, body?: unknown): Promise<{ code: number; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { code: res.status, json: await res.json() };
}

describe('applications through two controller processes on the real ZooKeeper', () => {
  const processes = new Map<number, ChildProcess>();

  beforeAll(async () => {
    for (const port of ports) processes.set(port, startController(port, namespace));
    await waitFor('one leader among both controllers', () => soleLeader(ports));
  });

  afterAll(async () => {
    await Promise.all([...processes.values()].map((p) => stopApp(p)));
    await removeNamespace(namespace);
  });

  it('creates an app on the leader; after the leader is killed the other lists the same app and scales it', async () => {
    const leader = (await soleLeader(ports)) as number;
    const follower = ports.find((p) => p !== leader) as number;

    const created = await api(leader, 'applications/operations', {
      type: 'CREATE',
      spec: minimalApplicationSpecJson(),
      instances: 1,
      opSpec: opSpecJson(),
    });
    expect(created).toEqual({
      code: 200,
      json: { status: 'SUCCESS', data: { appId: APP_ID }, message: 'success' },
    });
    const before = await api(leader, 'applications');
    expect(before.json).toMatchObject({
      status: 'SUCCESS',
      data: { [APP_ID]: { id: APP_ID, state: 'SCALING_REQUESTED', requiredInstances: 1 } },
    });
    expect((await api(follower, 'applications')).code).toBe(400);

    await stopApp(processes.get(leader) as ChildProcess, 'SIGKILL');
    await waitFor(
      'the follower to lead',
      async () => ((await ping(follower)) === 200 ? true : undefined),
      15000,
    );

    expect(await api(follower, 'applications')).toEqual(before);
    const scale = (requiredInstances: number) =>
      api(follower, 'applications/operations', {
        type: 'SCALE',
        appId: APP_ID,
        requiredInstances,
        opSpec: opSpecJson(),
      });
    // no executor in this test: the new leader admits only what needs no resources
    expect((await scale(3)).json).toMatchObject({ data: { validationErrors: ['No executors on cluster'] } });
    expect(await scale(0)).toEqual({
      code: 200,
      json: { status: 'SUCCESS', data: { appId: APP_ID }, message: 'success' },
    });
    expect((await api(follower, `applications/${APP_ID}`)).json).toMatchObject({
      status: 'SUCCESS',
      data: { state: 'SCALING_REQUESTED', requiredInstances: 0 },
    });
  });
});
