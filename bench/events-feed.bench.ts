// Event feed benchmark: heap held by the Drove event feed folded from a long log, and `/latest` page latency.
// Usage: npm run bench -- events-feed [events=200000] [size=1024].
// Last line: {"events":..,"feedEntries":..,"plainFoldBytes":..,"feedBytes":..,...}.
// The log is the settled history of bench/startup (50 apps at rest; every instance started, HEALTHY, then STOPPED;
// every task run to STOPPED), generated through the real deciders into an in-memory store. The baseline, in the
// same run, is the plain fold: every mapped Drove event kept as an object (what the feed held before it was
// bounded). Heap figures are `heapUsed` after a full GC, minus the heap before the structure was built.
// Page latency is the median of repeated `latest(lastSyncTime, size)` calls with the cursor before the first
// event (start), in the middle of the feed and `size` events before the end, and without a cursor (newest).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Logger } from '@nestjs/common';
import { DroveEvent, DroveEventMapper } from '../libs/domain/src';
import type { StoredEvent } from '../libs/events/src/core/event-store.port';
import { MemoryEventStore } from '../libs/events/src/memory/memory-event-store';
import { DroveEventFeed } from '../apps/controller/src/events-feed/drove-event-feed';
import { SyntheticCluster, settledSteps } from '../apps/controller/src/testing/synthetic-cluster';

const total = Number(process.argv[2] ?? 200_000);
const size = Number(process.argv[3] ?? 1024);
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
  return process.memoryUsage().heapUsed;
}

interface Feed {
  apply(stored: StoredEvent): void;
}

/** The baseline: every mapped event kept whole, as the feed did before (times never go backwards). */
class PlainFold implements Feed {
  private readonly mapper = new DroveEventMapper();
  readonly events: { position: number; index: number; last: boolean; event: DroveEvent }[] = [];

  apply(stored: StoredEvent): void {
    const previous = this.events.length > 0 ? this.events[this.events.length - 1].event.time : 0;
    const mapped = this.mapper.apply({ ...stored, time: Math.max(stored.time, previous) });
    mapped.forEach((event, index) =>
      this.events.push({ position: stored.position, index, last: index === mapped.length - 1, event }),
    );
  }
}

async function generate(): Promise<StoredEvent[]> {
  const instances = Math.ceil(total / EVENTS_PER_INSTANCE);
  const store = new MemoryEventStore({ clock: () => T0 });
  const cluster = new SyntheticCluster(store, T0, { apps: 50, instances, tasks: instances }, STEP_MS);
  for (const step of settledSteps(cluster.sizes, 0, instances)) await cluster.step(step);
  return store.readAll(1, Number.MAX_SAFE_INTEGER);
}

function build<F extends Feed>(
  log: StoredEvent[],
  make: () => F,
): { feed: F; bytes: number; foldMs: number } {
  const before = heapUsed();
  const started = process.hrtime.bigint();
  const feed = make();
  for (const e of log) feed.apply(e);
  const foldMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  return { feed, bytes: heapUsed() - before, foldMs };
}

async function medianMs(call: () => unknown): Promise<number> {
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
  const events = await generate();
  log(
    `${events.length} events generated in ${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms`,
  );
  const storedJsonBytes = events.reduce((n, e) => n + JSON.stringify(e).length, 0);

  const plain = build(events, () => new PlainFold());
  const times = plain.feed.events.map((e) => e.event.time);
  log(`plain fold: ${plain.feed.events.length} entries, ${plain.bytes} bytes in ${plain.foldMs} ms`);
  const cursors = {
    start: times[0] - 1,
    middle: times[times.length >> 1],
    end: times[Math.max(0, times.length - size - 1)],
    newest: 0,
  };
  plain.feed.events.length = 0;
  const bounded = build(events, () => new DroveEventFeed());
  log(`feed: ${bounded.bytes} bytes in ${bounded.foldMs} ms`);

  const latencyMs: Record<string, number> = {};
  for (const [name, cursor] of Object.entries(cursors)) {
    latencyMs[name] = await medianMs(() => bounded.feed.latest(cursor, size));
  }
  const report = {
    events: events.length,
    feedEntries: times.length,
    storedJsonBytes,
    plainFoldBytes: plain.bytes,
    plainFoldMs: plain.foldMs,
    feedBytes: bounded.bytes,
    feedFoldMs: bounded.foldMs,
    bytesPerEntry: Math.round((bounded.bytes / times.length) * 10) / 10,
    plainBytesPerEntry: Math.round((plain.bytes / times.length) * 10) / 10,
    pageSize: size,
    latestMs: latencyMs,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench events-feed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
