import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDroveClient, DroveSchemas } from '@drove/client';
import { withControllerAndExecutor } from './support/cluster';
import { repoRoot, waitFor } from './support/processes';

// The proof that a client generated from the committed document works: every call below is typed from
// apps/controller/openapi.json (a wrong path, parameter or body does not compile).
const namespace = `drove-e2e-openapi-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 5500;
const EXECUTOR = 5520;
const HOST_PORTS = { from: 45500, to: 45599 };

const client = createDroveClient({ baseUrl: `http://127.0.0.1:${CONTROLLER}/` });
const opSpec: DroveSchemas['ClusterOpSpecDto'] = {
  timeout: '5 minutes',
  parallelism: 2,
  failureStrategy: 'STOP',
};
const check: DroveSchemas['CheckSpecDto'] = {
  mode: { type: 'HTTP', protocol: 'HTTP', portName: 'main', path: '/', verb: 'GET', successCodes: [200] },
  timeout: '1 second',
  interval: '1 second',
  attempts: 3,
};
const spec: DroveSchemas['ApplicationSpecDto'] = {
  name: 'e2e-openapi',
  version: '1',
  type: 'SERVICE',
  executable: { type: 'DOCKER', url: 'drove-test/http-server:latest', dockerPullTimeout: '100 seconds' },
  exposedPorts: [{ name: 'main', port: 8000, type: 'HTTP' }],
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  healthcheck: check,
  readiness: check,
  tags: { suite: 'openapi' },
};
const appId = 'e2e-openapi-1';

async function healthyInstances(count: number): Promise<DroveSchemas['InstanceInfoDto'][]> {
  return waitFor(
    `${count} HEALTHY instances of ${appId}`,
    async () => {
      const { data } = await client.GET('/apis/v1/applications/{appId}/instances', {
        params: { path: { appId }, query: { state: ['HEALTHY'] } },
      });
      return data?.data?.length === count ? data.data : undefined;
    },
    90_000,
  );
}

describe('the generated client (libs/client) against a controller and an executor process', () => {
  withControllerAndExecutor(
    { controller: CONTROLLER, executor: EXECUTOR, hostPorts: HOST_PORTS },
    namespace,
    run,
  );

  it.each([
    ['controller', CONTROLLER],
    ['executor', EXECUTOR],
  ])('the %s serves its committed document at /apis/openapi.json', async (app, port) => {
    const res = await fetch(`http://127.0.0.1:${port}/apis/openapi.json`);
    const committed = JSON.parse(readFileSync(join(repoRoot, `apps/${app}/openapi.json`), 'utf8')) as unknown;
    expect(await res.json()).toEqual(committed);
  });

  it('creates an app, scales it and reads it back, all through typed calls', async () => {
    const created = await client.POST('/apis/v1/applications/operations', {
      body: { type: 'CREATE', spec, instances: 1, opSpec },
    });
    expect(created.response.status).toBe(200);
    expect(created.data).toEqual({ status: 'SUCCESS', data: { appId }, message: 'success' });
    const [first] = await healthyInstances(1);
    expect(first).toMatchObject({ appId, appName: 'e2e-openapi', state: 'HEALTHY' });
    expect(first.localInfo?.ports.main.containerPort).toBe(8000);

    const scaled = await client.POST('/apis/v1/applications/operations', {
      body: { type: 'SCALE', appId, requiredInstances: 2, opSpec },
    });
    expect(scaled.data?.data?.appId).toBe(appId);
    const instances = await healthyInstances(2);
    expect(new Set(instances.map((i) => i.executorId)).size).toBe(1);

    const summary = await client.GET('/apis/v1/applications/{appId}', { params: { path: { appId } } });
    expect(summary.data?.data).toMatchObject({
      id: appId,
      name: 'e2e-openapi',
      requiredInstances: 2,
      healthyInstances: 2,
      totalCPUs: 2,
      totalMemory: 128,
      tags: { suite: 'openapi' },
    });
    const stored = await client.GET('/apis/v1/applications/{appId}/spec', { params: { path: { appId } } });
    expect(stored.data?.data).toMatchObject({ name: spec.name, exposedPorts: spec.exposedPorts });
    const listed = await client.GET('/apis/v1/applications', { params: { query: { size: 10 } } });
    expect(Object.keys(listed.data?.data ?? {})).toEqual([appId]);
  });

  it('types Drove failures too: a FAILED lookup (200) and a refused operation (400)', async () => {
    const missing = await client.GET('/apis/v1/applications/{appId}', {
      params: { path: { appId: 'nope-1' } },
    });
    expect(missing.data).toEqual({ status: 'FAILED', message: 'App nope-1 not found' });

    const refused = await client.POST('/apis/v1/applications/operations', {
      body: { type: 'SCALE', appId: 'nope-1', requiredInstances: 1, opSpec },
    });
    expect(refused.response.status).toBe(400);
    // typed as Drove's 400 envelope or the 401's plain text
    const body = refused.error;
    if (typeof body !== 'object') throw new Error(`expected Drove's 400 envelope, got ${String(body)}`);
    expect(body.status).toBe('FAILED');
    expect(body.data?.validationErrors?.length).toBeGreaterThan(0);
  });
});
