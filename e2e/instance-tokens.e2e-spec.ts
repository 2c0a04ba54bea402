import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, waitFor } from './support/processes';
import { withControllerAndExecutor } from './support/cluster';

const namespace = `drove-e2e-tokens-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const CONTROLLER = 5400;
const EXECUTOR = 5420;
const HOST_PORTS = { from: 45400, to: 45499 };
const APP_ID = 'sample-app-1';
const opSpec = { timeout: '5 minutes', parallelism: 2, failureStrategy: 'STOP' };
const INVALID = {
  status: 'FAILED',
  message:
    'Please send valid token for you app instance. ' +
    'The token value is available in the DROVE_APP_INSTANCE_AUTH_TOKEN environment variable',
};

interface Instance {
  instanceId: string;
  state: string;
}

async function call(path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${CONTROLLER}/apis/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  return { code: res.status, body: (text ? JSON.parse(text) : {}) as { status: string; data?: unknown } };
}

const siblings = (token: string) =>
  call('internal/instances', undefined, { 'App-Instance-Authorization': token });
const healthy = async () =>
  (((await call(`applications/${APP_ID}/instances`)).body.data as Instance[] | undefined) ?? []).filter(
    (i) => i.state === 'HEALTHY',
  );

/** What the container itself sees in its environment (a shell run inside it). */
function tokenInside(instanceId: string): string {
  const container = execFileSync('docker', ['ps', '-q', '--filter', `label=drove.instance.id=${instanceId}`])
    .toString()
    .trim();
  return execFileSync('docker', ['exec', container, 'sh', '-c', 'echo "$DROVE_APP_INSTANCE_AUTH_TOKEN"'])
    .toString()
    .trim();
}

describe('app instance tokens on a controller and an executor process, real ZooKeeper and dockerd', () => {
  withControllerAndExecutor(
    { controller: CONTROLLER, executor: EXECUTOR, hostPorts: HOST_PORTS },
    namespace,
    run,
  );

  it("gives each container its token; the token lists the app's instances until its instance stops", async () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'specs', 'sample-app.json'), 'utf8'));
    await call('applications/operations', { type: 'CREATE', spec, instances: 2, opSpec });
    const started = await waitFor(
      'two HEALTHY instances',
      async () => {
        const found = await healthy();
        return found.length === 2 ? found : undefined;
      },
      60_000,
    );
    const ids = started.map((i) => i.instanceId).sort();
    const tokens = new Map(ids.map((id) => [id, tokenInside(id)]));
    expect(new Set(tokens.values()).size).toBe(2);
    for (const token of tokens.values()) {
      const answer = await siblings(token);
      expect(answer.code).toBe(200);
      expect((answer.body.data as Instance[]).map((i) => [i.instanceId, i.state])).toEqual(
        ids.map((id) => [id, 'HEALTHY']),
      );
    }
    const [first, second] = ids;
    const firstToken = tokens.get(first) as string;
    const tampered = firstToken.replace(
      /\.([^.]*)$/,
      (_, sig: string) => `.${sig.split('').reverse().join('')}`,
    );
    expect((await siblings(tampered)).code).toBe(403);
    expect((await call('applications', undefined, { 'App-Instance-Authorization': firstToken })).code).toBe(
      403,
    );

    await call('applications/operations', {
      type: 'STOP_INSTANCES',
      appId: APP_ID,
      instanceIds: [first],
      skipRespawn: true,
      opSpec,
    });
    await waitFor(
      'the stopped instance token refused',
      async () => ((await siblings(firstToken)).body.status === 'FAILED' ? true : undefined),
      30_000,
    );
    expect((await siblings(firstToken)).body).toEqual(INVALID);
    const left = await siblings(tokens.get(second) as string);
    expect((left.body.data as Instance[]).map((i) => i.instanceId)).toEqual([second]);
  }, 120_000);
});
