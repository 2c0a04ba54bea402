// Event feed benchmark: heap held by the Drove event feed folded from a long log, and `/latest` page latency.
// Usage: npm run bench -- events-feed [events=200000] [size=1024] [recentEntries=10000] [checkpointEvery=4096]
//   [store=memory|zookeeper].
// Last line: {"events":..,"feedEntries":..,"plainFoldBytes":..,"feedBytes":..,...}.
// The log is the settled history of bench/startup (50 apps at rest; every instance started, HEALTHY, then STOPPED;
// every task run to STOPPED), generated through the real deciders into an in-memory store, and with `zookeeper`
// written to the provisioned ZooKeeper (64 streams at a time; the root is removed at the end). The feed is the
// controller's EventsFeedService catching up on that store, as at startup. The baseline, in the
// same run, is the plain fold: every mapped Drove event kept as an object (what the feed held before it was
// bounded). Heap figures are `heapUsed` after a full GC, minus the heap before the structure was built.
// Page latency is the median of repeated `latest(lastSyncTime, size)` calls with the cursor before the first
// event (start), in the middle of the feed and `size` events before the end, and without a cursor (newest); the
// feed reads older pages back from the store. Every page of the bounded feed is checked equal to the plain fold's.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '../libs/events/src/core/event-store.port';
import { MemoryEventStore } from '../libs/events/src/memory/memory-event-store';
import { Zk } from '../libs/events/src/zookeeper/zk-client';
import { ZooKeeperEventStore } from '../libs/events/src/zookeeper/zookeeper-event-store';
import { EventsFeedConfig } from '../apps/controller/src/events-feed/events-feed.config';
import { EventsFeedService } from '../apps/controller/src/events-feed/events-feed.service';
import { writeByStream } from './support/write-by-stream';
import {
  DEFAULT_CHECKPOINT_EVERY,
  DEFAULT_RECENT_ENTRIES,
} from '../apps/controller/src/events-feed/drove-event-feed';
import { PlainFeedFold } from '../apps/controller/src/testing/plain-feed-fold';
import { SyntheticCluster, settledSteps } from '../apps/controller/src/testing/synthetic-cluster';

const total = Number(process.argv[2] ?? 200_000);
const size = Number(process.argv[3] ?? 1024);
const recentEntries = Number(process.argv[4] ?? DEFAULT_RECENT_ENTRIES);
const checkpointEvery = Number(process.argv[5] ?? DEFAULT_CHECKPOINT_EVERY);
const storeKind = process.argv[6] ?? 'memory';
const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const root = `/bench-events-feed-${process.pid}-${randomBytes(3).toString('hex')}`;
const EVENTS_PER_INSTANCE = 7; // 4 for the instance, 3 for the task of the same index
const STEP_MS = 60_000;
const T0 = 1_700_000_000_000;
const REPEATS = 21;

Logger.overrideLogger(false);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function log(line: string): void {
  process.stderr.write(`bench events-feed: ${line}\n`);
}

function heapUsed(): number {
  for (let i = 0; i < 3; i++) gc();
  // typed arrays keep their contents outside the JS heap
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function generate(): Promise<MemoryEventStore> {
  const instances = Math.ceil(total / EVENTS_PER_INSTANCE);
  const store = new MemoryEventStore({ clock: () => T0 });
  const cluster = new SyntheticCluster(store, T0, { apps: 50, instances, tasks: instances }, STEP_MS);
  for (const step of settledSteps(cluster.sizes, 0, instances)) await cluster.step(step);
  return store;
}

/** Builds a structure and reports what it holds on the heap once built, and how long it took. */
async function measure<T>(make: () => T | Promise<T>): Promise<{ value: T; bytes: number; ms: number }> {
  const before = heapUsed();
  const started = process.hrtime.bigint();
  const value = await make();
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  return { value, bytes: heapUsed() - before, ms };
}

async function readWhole(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let page = await store.readAll(1, 10_000); page.length > 0;) {
    events.push(...page);
    page = await store.readAll(page[page.length - 1].position + 1, 10_000);
  }
  return events;
}

/** The generated log written to ZooKeeper stream by stream (the in-memory store is dropped after). */
async function toZooKeeper(memory: MemoryEventStore): Promise<void> {
  const byStream = new Map<string, NewEvent[]>();
  for (const e of await readWhole(memory)) {
    const events = byStream.get(e.stream) ?? [];
    events.push({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, time: e.time });
    byStream.set(e.stream, events);
  }
  const writer = await ZooKeeperEventStore.open({ connectString, root, sessionTimeout: 30_000 });
  const started = process.hrtime.bigint();
  await writeByStream(writer, byStream);
  log(`written to ZooKeeper in ${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms`);
  await writer.close();
}

/** The baseline: the whole log folded as the feed did before it was bounded, caught up like the service. */
async function plainCatchUp(store: EventStore): Promise<PlainFeedFold> {
  const fold = new PlainFeedFold();
  const subscription = store.subscribe((e) => fold.apply(e), { from: 1 });
  await subscription.caughtUp;
  await subscription.stop();
  return fold;
}

async function medianMs(call: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[samples.length >> 1] * 100) / 100;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const memory = await generate();
  log(`generated in ${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms`);
  if (storeKind !== 'zookeeper') return run(async () => memory);
  await toZooKeeper(memory);
  const opened: EventStore[] = [];
  try {
    // each reader on a store of its own, as a starting controller: what one reads is not cached for the next
    await run(async () => {
      const store = await ZooKeeperEventStore.open({ connectString, root, sessionTimeout: 30_000 });
      opened.push(store);
      return store;
    });
  } finally {
    for (const store of opened) await store.close();
    const zk = await Zk.connect(connectString, 30_000);
    await zk.removeTree(root);
    zk.close();
  }
}

async function run(open: () => Promise<EventStore>): Promise<void> {
  const storedJsonBytes = (await readWhole(await open())).reduce((n, e) => n + JSON.stringify(e).length, 0);
  const store = await open();
  const plain = await measure(() => plainCatchUp(store));
  const entries = plain.value.entries;
  log(`plain fold: ${entries.length} entries, ${plain.bytes} bytes, caught up in ${plain.ms} ms`);
  const config = Object.assign(new EventsFeedConfig(), { recentEntries, checkpointEvery });
  const serviceStore = await open();
  const bounded = await measure(async () => {
    const service = new EventsFeedService(serviceStore, config);
    service.onApplicationBootstrap();
    await service.ready;
    return service;
  });
  const feed = bounded.value.feed;
  log(`feed: ${bounded.bytes} bytes, caught up in ${bounded.ms} ms (${feed.inMemory} entries in memory)`);

  const times = entries.map((e) => e.event.time);
  const cursors = {
    start: times[0] - 1,
    middle: times[times.length >> 1],
    end: times[Math.max(0, times.length - size - 1)],
    newest: 0,
  };
  const latestMs: Record<string, number> = {};
  for (const [name, cursor] of Object.entries(cursors)) {
    const page = await feed.latest(cursor, size);
    const from = cursor === 0 ? times.length - size : times.findIndex((t) => t > cursor);
    const expected = entries.slice(from, from + page.events.length).map((e) => e.event);
    if (JSON.stringify(page.events) !== JSON.stringify(expected.reverse()) || page.events.length === 0) {
      throw new Error(`the ${name} page differs from the plain fold`);
    }
    latestMs[name] = await medianMs(() => feed.latest(cursor, size));
  }
  await bounded.value.onModuleDestroy();
  // the catch-ups again in the other order: the first read of a fresh store pays for more than the second
  const plainStore = await open();
  const plainAgainMs = (await measure(() => plainCatchUp(plainStore))).ms;
  const feedStore = await open();
  const again = await measure(async () => {
    const service = new EventsFeedService(feedStore, config);
    service.onApplicationBootstrap();
    await service.ready;
    await service.onModuleDestroy();
  });
  const report = {
    store: storeKind,
    events: feed.position,
    feedEntries: entries.length,
    storedJsonBytes,
    plainFoldBytes: plain.bytes,
    plainCatchUpMs: plain.ms,
    feedBytes: bounded.bytes,
    feedCatchUpMs: bounded.ms,
    catchUpAgainMs: { plain: plainAgainMs, feed: again.ms },
    plainBytesPerEntry: Math.round((plain.bytes / entries.length) * 10) / 10,
    feedBytesPerEntry: Math.round((bounded.bytes / entries.length) * 10) / 10,
    recentEntries,
    checkpointEvery,
    pageSize: size,
    latestMs,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench events-feed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
