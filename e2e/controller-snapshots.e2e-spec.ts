import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, ZooKeeperEventStore } from '@drove/events';
import { SyntheticCluster, settledSteps } from '../apps/controller/src/testing/synthetic-cluster';
import { connectZooKeeper, removeTree } from '../apps/controller/src/zookeeper/zookeeper-calls';
import { removeNamespace } from './support/cluster';
import { ping, startController } from './support/controllers';
import { repoRoot, stopApp, waitFor, zkConnect } from './support/processes';

const namespace = `drove-e2e-snapshots-${randomUUID()}`;
const SIZES = { apps: 5, instances: 1000, tasks: 1000 };
const INITIAL = 150;
const TAIL = 20;

const getJson = async (url: string): Promise<unknown> =>
  (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as unknown;

async function metric(port: number, name: string): Promise<number | undefined> {
  const res = await fetch(`http://127.0.0.1:${port + 1}/metrics`, { signal: AbortSignal.timeout(5000) });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

/** What the cluster view serves: apps, every app's old instances, a few tasks. */
async function servedState(port: number): Promise<unknown> {
  const api = `http://127.0.0.1:${port}/apis/v1`;
  const apps = (await getJson(`${api}/applications`)) as { data: Record<string, unknown> };
  const old = await Promise.all(
    Object.keys(apps.data).map((id) => getJson(`${api}/applications/${id}/instances/old?start=0&size=1000`)),
  );
  const tasks = await Promise.all(
    [0, INITIAL - 1, INITIAL + TAIL - 1].map((t) => getJson(`${api}/tasks/test-app/instances/T${t}`)),
  );
  return { apps, old, tasks };
}

describe('a controller starting from a view snapshot', () => {
  let store: EventStore;
  let cluster: SyntheticCluster;
  const running: ChildProcess[] = [];

  const lead = async (port: number, extraYaml: string[] = []): Promise<ChildProcess> => {
    const child = startController(port, namespace, extraYaml);
    running.push(child);
    await waitFor(`controller ${port} to lead`, async () => ((await ping(port)) === 200 ? true : undefined));
    return child;
  };

  beforeAll(async () => {
    store = await ZooKeeperEventStore.open({ connectString: zkConnect, root: `/${namespace}` });
    cluster = new SyntheticCluster(store, Date.now() - 3_600_000, SIZES);
    for (const step of settledSteps(SIZES, 0, INITIAL)) await cluster.step(step);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(running.map((child) => stopApp(child)));
    await store.close();
    await removeNamespace(namespace);
  });

  it('replays only the log after the snapshot and serves what a full replay serves', async () => {
    const head = await store.headPosition();
    const first = await lead(5600, ['snapshots:', '  everyEvents: 100']);
    expect(await metric(5600, 'drove_controller_view_rebuild_snapshot_position')).toBe(0);
    expect(await metric(5600, 'drove_controller_view_rebuild_replayed_events')).toBeGreaterThanOrEqual(head);
    await waitFor('the leader to save a view snapshot', async () =>
      (await metric(5600, 'drove_controller_view_snapshots_saved_total')) === 1 ? true : undefined,
    );
    await stopApp(first);
    for (const step of settledSteps(SIZES, INITIAL, INITIAL + TAIL)) await cluster.step(step);

    const second = await lead(5610);
    const snapshotAt = (await metric(5610, 'drove_controller_view_rebuild_snapshot_position')) as number;
    const replayed = (await metric(5610, 'drove_controller_view_rebuild_replayed_events')) as number;
    expect(snapshotAt).toBeGreaterThanOrEqual(head);
    expect(replayed).toBeGreaterThanOrEqual(TAIL * 7);
    expect(replayed).toBeLessThan(TAIL * 7 + 5); // the tail, and at most the leadership events around it
    const log = readFileSync(join(repoRoot, '.local', 'e2e-logs', 'controller-5610.log'), 'utf8');
    expect(log).toContain(
      `the snapshot at position ${snapshotAt} + ${replayed} events replayed from the log`,
    );
    const fromSnapshot = await servedState(5610);
    await stopApp(second);

    // The same log without the snapshot: a full replay must serve exactly the same.
    const admin = await connectZooKeeper(zkConnect, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
    await removeTree(admin, `/${namespace}/snapshots/cluster-view`).finally(() => admin.close());
    await lead(5620);
    expect(await metric(5620, 'drove_controller_view_rebuild_snapshot_position')).toBe(0);
    expect(await metric(5620, 'drove_controller_view_rebuild_replayed_events')).toBeGreaterThanOrEqual(
      snapshotAt + replayed,
    );
    expect(await servedState(5620)).toEqual(fromSnapshot);
    const old = (fromSnapshot as { old: { data: unknown[] }[] }).old;
    expect(old.reduce((n, page) => n + page.data.length, 0)).toBe(INITIAL + TAIL);
  }, 120_000);
});
