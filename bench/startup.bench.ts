// Startup benchmark: the controller's cluster view rebuilt by a full replay vs from a view snapshot + the log tail,
// over a long synthetic log on the provisioned ZooKeeper.
// Usage: npm run bench -- startup [events=200000] [tail=1000] [retention=on|off].
// Last line: {"events":..,"fullReplayMs":..,"fromSnapshotMs":..,...}.
// The log is a settled history (apps at rest; every instance started, HEALTHY, then STOPPED; every task run to
// STOPPED; one step a minute of event time), generated through the real deciders in memory, then written to
// ZooKeeper stream by stream by 64 concurrent writers, 2,000 instances at a time. With retention on (Drove's
// defaults: 100 old instances per app, tasks 2 days), after each such chunk the pruning the leader would decide is
// appended too, so the view stays bounded while the log grows. `feedReplayMs` is the Drove event feed's catch-up
// over the same log, which a starting controller still does in full. The root is removed at the end.
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '../libs/events/src/core/event-store.port';
import { MemoryEventStore } from '../libs/events/src/memory/memory-event-store';
import { Zk } from '../libs/events/src/zookeeper/zk-client';
import { ZooKeeperEventStore } from '../libs/events/src/zookeeper/zookeeper-event-store';
import { ClusterViewService } from '../apps/controller/src/projections/cluster-view.service';
import { EventsFeedService } from '../apps/controller/src/events-feed/events-feed.service';
import { VIEW_SNAPSHOT, saveViewSnapshot } from '../apps/controller/src/snapshots/view-snapshots';
import {
  SyntheticCluster,
  SyntheticSizes,
  settledSteps,
} from '../apps/controller/src/testing/synthetic-cluster';
import { TestFence } from '../apps/controller/src/testing/test-fence';
import { writeByStream } from './support/write-by-stream';
import { ClusterViewProjection } from '../apps/controller/src/projections/cluster-view.projection';
import { RetentionLimits, planPruning, prunedEvents } from '../apps/controller/src/retention/retention-plan';
import {
  RETENTION_STREAM,
  VIEW_RECORDS_PRUNED,
} from '../apps/controller/src/retention/view-records-pruned.event';

const total = Number(process.argv[2] ?? 200_000);
const tail = Number(process.argv[3] ?? 1000);
const retention = (process.argv[4] ?? 'on') === 'on';
const CHUNK = 2000;
const STEP_MS = 60_000;
const LIMITS: RetentionLimits = {
  instanceAgeMs: 7 * 86_400_000,
  maxOldInstancesPerApp: 100,
  taskAgeMs: 2 * 86_400_000,
};
const EVENTS_PER_INSTANCE = 7; // 4 for the instance, 3 for the task of the same index
const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const root = `/bench-startup-${process.pid}-${randomBytes(3).toString('hex')}`;
const T0 = 1_700_000_000_000;

Logger.overrideLogger(false);

function log(line: string): void {
  process.stderr.write(`bench startup: ${line}\n`);
}

const ms = (started: bigint): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6);

async function forEachEvent(
  store: EventStore,
  from: number,
  handle: (e: StoredEvent) => void,
): Promise<void> {
  for (let next = from; ;) {
    const page = await store.readAll(next, 10_000);
    if (page.length === 0) return;
    for (const e of page) handle(e);
    next = page[page.length - 1].position + 1;
  }
}

/** Events of the steps, generated in memory through the deciders, grouped by stream in log order. */
async function generate(
  cluster: SyntheticCluster,
  memory: MemoryEventStore,
  instances: [number, number],
): Promise<Map<string, NewEvent[]>> {
  const from = (await memory.headPosition()) + 1;
  for (const step of settledSteps(cluster.sizes, ...instances)) await cluster.step(step);
  const byStream = new Map<string, NewEvent[]>();
  await forEachEvent(memory, from, (e) => {
    const events = byStream.get(e.stream) ?? [];
    events.push({
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      time: e.time,
      actor: e.actor,
    });
    byStream.set(e.stream, events);
  });
  return byStream;
}

async function rebuild(
  open: () => Promise<EventStore>,
): Promise<{ service: ClusterViewService; ms: number; store: EventStore }> {
  const store = await open();
  const started = process.hrtime.bigint();
  const service = new ClusterViewService(store, new TestFence());
  await service.onApplicationBootstrap();
  return { service, ms: ms(started), store };
}

/**
 * Instances `from..to-1` (and their tasks) in chunks: each chunk written to ZooKeeper, then (retention on) the
 * pruning the leader would decide on the view so far, written after the chunk, as the job would.
 */
async function fill(
  cluster: SyntheticCluster,
  memory: MemoryEventStore,
  writer: EventStore,
  range: [number, number],
): Promise<void> {
  const view = new ClusterViewProjection();
  for (let from = range[0]; from < range[1]; from += CHUNK) {
    await writeByStream(writer, await generate(cluster, memory, [from, Math.min(range[1], from + CHUNK)]));
    if (!retention) continue;
    await forEachEvent(memory, view.position + 1, (e) => view.apply(e));
    const now = (await memory.readAll(view.position, 1))[0].time;
    for (const data of prunedEvents(planPruning(view, now, LIMITS), now)) {
      const event = {
        id: `prune-${view.position}-${data.instanceIds[0] ?? data.taskRunIds[0]}`,
        type: VIEW_RECORDS_PRUNED,
        data,
        actor: 'system',
        time: now,
      };
      await memory.append(RETENTION_STREAM, 'any', [event]);
      await writer.append(RETENTION_STREAM, 'any', [event]);
    }
  }
}

async function main(): Promise<void> {
  const open = (): Promise<EventStore> =>
    ZooKeeperEventStore.open({ connectString, root, sessionTimeout: 30_000 });
  const instances = Math.ceil(total / EVENTS_PER_INSTANCE);
  const sizes: SyntheticSizes = { apps: 50, instances: instances + tail, tasks: instances + tail };
  const memory = new MemoryEventStore({ clock: () => T0 });
  const cluster = new SyntheticCluster(memory, T0, sizes, STEP_MS);
  const writer = await open();
  const zk = await Zk.connect(connectString, 30_000);
  try {
    let started = process.hrtime.bigint();
    await fill(cluster, memory, writer, [0, instances]);
    const events = await writer.headPosition();
    log(`${events} events written in ${ms(started)} ms; full replay`);

    const full = await rebuild(open);
    log(`full replay: ${full.ms} ms (${full.service.lastRebuild?.replayedEvents} events)`);
    started = process.hrtime.bigint();
    await saveViewSnapshot(writer, full.service.view);
    const saveMs = ms(started);
    const snapshotBytes = JSON.stringify(full.service.view.snapshot()).length;
    await full.service.onModuleDestroy();
    await full.store.close();

    await fill(cluster, memory, writer, [instances, instances + Math.ceil(tail / EVENTS_PER_INSTANCE)]);
    const head = await writer.headPosition();
    const warm = await rebuild(open);
    const replayed = warm.service.lastRebuild?.replayedEvents ?? 0;
    log(`from the snapshot: ${warm.ms} ms (${replayed} events after it)`);
    // The same log without the snapshot: a full replay, for the comparison and to check the views are the same.
    await zk.removeTree(`${root}/snapshots/${VIEW_SNAPSHOT}`);
    const again = await rebuild(open);
    if (again.service.lastRebuild?.snapshotPosition !== 0) throw new Error('expected a full replay');
    const fullMsAtHead = again.ms;
    const same =
      JSON.stringify(again.service.view.snapshot()) === JSON.stringify(warm.service.view.snapshot());
    for (const r of [warm, again]) {
      await r.service.onModuleDestroy();
      await r.store.close();
    }
    if (!same) throw new Error('the view from the snapshot differs from the full replay');
    // What a starting controller still reads in full: the Drove event feed has no snapshot.
    const feedStore = await open();
    started = process.hrtime.bigint();
    const feed = new EventsFeedService(feedStore);
    feed.onApplicationBootstrap();
    await feed.ready;
    const feedReplayMs = ms(started);
    await feed.onModuleDestroy();
    await feedStore.close();
    const report = {
      events: head,
      retention,
      viewInstances: again.service.view
        .applications()
        .reduce((n, app) => n + again.service.view.instancesOf(app.appId as string).length, 0),
      viewTasks: again.service.view.tasks.all().length,
      instances: sizes.instances,
      snapshotBytes,
      saveMs,
      fullReplayMs: full.ms,
      fullReplayAtHeadMs: fullMsAtHead,
      fromSnapshotMs: warm.ms,
      replayedAfterSnapshot: replayed,
      speedup: Math.round((fullMsAtHead / Math.max(1, warm.ms)) * 10) / 10,
      same,
      feedReplayMs,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await writer.close();
    await zk.removeTree(root);
    zk.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench startup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
