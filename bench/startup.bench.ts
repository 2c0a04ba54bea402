// Startup benchmark: the controller's cluster view rebuilt by a full replay vs from a view snapshot + the log tail,
// over a long synthetic log on the provisioned ZooKeeper.
// Usage: npm run bench -- startup [events=200000] [tail=1000].
// Last line: {"events":..,"fullReplayMs":..,"fromSnapshotMs":..,...}.
// The log is a settled history (apps at rest; every instance started, HEALTHY, then STOPPED; every task run to
// STOPPED), generated through the real deciders in memory, then written to ZooKeeper stream by stream by 64
// concurrent writers. The root is removed at the end.
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppendOutcomeUnknownError } from '../libs/events/src/core/append-outcome-unknown.error';
import type { EventStore, NewEvent } from '../libs/events/src/core/event-store.port';
import { MemoryEventStore } from '../libs/events/src/memory/memory-event-store';
import { Zk } from '../libs/events/src/zookeeper/zk-client';
import { ZooKeeperEventStore } from '../libs/events/src/zookeeper/zookeeper-event-store';
import { ClusterViewService } from '../apps/controller/src/projections/cluster-view.service';
import { saveViewSnapshot } from '../apps/controller/src/snapshots/view-snapshots';
import {
  SyntheticCluster,
  SyntheticSizes,
  settledSteps,
} from '../apps/controller/src/testing/synthetic-cluster';
import { TestFence } from '../apps/controller/src/testing/test-fence';

const total = Number(process.argv[2] ?? 200_000);
const tail = Number(process.argv[3] ?? 1000);
const writers = 64;
const EVENTS_PER_INSTANCE = 7; // 4 for the instance, 3 for the task of the same index
const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const root = `/bench-startup-${process.pid}-${randomBytes(3).toString('hex')}`;
const T0 = 1_700_000_000_000;

Logger.overrideLogger(false);

function log(line: string): void {
  process.stderr.write(`bench startup: ${line}\n`);
}

const ms = (started: bigint): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6);

/** Events of the steps, generated in memory through the deciders, grouped by stream in log order. */
async function generate(
  cluster: SyntheticCluster,
  memory: MemoryEventStore,
  instances: [number, number],
): Promise<Map<string, NewEvent[]>> {
  const from = (await memory.headPosition()) + 1;
  for (const step of settledSteps(cluster.sizes, ...instances)) await cluster.step(step);
  const byStream = new Map<string, NewEvent[]>();
  for (let next = from; ;) {
    const page = await memory.readAll(next, 10_000);
    if (page.length === 0) break;
    for (const e of page) {
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
    }
    next = page[page.length - 1].position + 1;
  }
  return byStream;
}

/** Appends each stream's events in one call, `writers` streams at a time; a lost connection is retried (same ids). */
async function write(store: EventStore, byStream: Map<string, NewEvent[]>): Promise<void> {
  const streams = [...byStream.entries()];
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < streams.length) {
        const [stream, events] = streams[next++];
        for (let attempt = 1; ; attempt++) {
          try {
            await store.append(stream, 'any', events);
            break;
          } catch (err) {
            if (!(err instanceof AppendOutcomeUnknownError) || attempt === 5) throw err;
          }
        }
      }
    }),
  );
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

async function main(): Promise<void> {
  const open = (): Promise<EventStore> =>
    ZooKeeperEventStore.open({ connectString, root, sessionTimeout: 30_000 });
  const instances = Math.ceil(total / EVENTS_PER_INSTANCE);
  const sizes: SyntheticSizes = { apps: 50, instances: instances + tail, tasks: instances + tail };
  const memory = new MemoryEventStore({ clock: () => T0 });
  const cluster = new SyntheticCluster(memory, T0, sizes);
  const writer = await open();
  const zk = await Zk.connect(connectString, 30_000);
  try {
    let started = process.hrtime.bigint();
    await write(writer, await generate(cluster, memory, [0, instances]));
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

    await write(
      writer,
      await generate(cluster, memory, [instances, instances + Math.ceil(tail / EVENTS_PER_INSTANCE)]),
    );
    const head = await writer.headPosition();
    const warm = await rebuild(open);
    const replayed = warm.service.lastRebuild?.replayedEvents ?? 0;
    log(`from the snapshot: ${warm.ms} ms (${replayed} events after it)`);
    const again = await rebuild(open);
    const fullMsAtHead = again.ms;
    const same =
      JSON.stringify(again.service.view.snapshot()) === JSON.stringify(warm.service.view.snapshot());
    for (const r of [warm, again]) {
      await r.service.onModuleDestroy();
      await r.store.close();
    }
    if (!same) throw new Error('the view from the snapshot differs from the full replay');
    const report = {
      events: head,
      instances: sizes.instances,
      snapshotBytes,
      saveMs,
      fullReplayMs: full.ms,
      fullReplayAtHeadMs: fullMsAtHead,
      fromSnapshotMs: warm.ms,
      replayedAfterSnapshot: replayed,
      speedup: Math.round((fullMsAtHead / Math.max(1, warm.ms)) * 10) / 10,
      same,
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
