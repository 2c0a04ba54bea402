// History benchmark: GET /apis/v2/history/cluster's fold over a long log on the provisioned ZooKeeper.
// Usage: npm run bench -- history [events=1000000]. Last line: {"events":..,"historyMs":..,...}.
// Sealed segments are archived to NDJSON as the log grows (as a long-lived cluster would), so the shared
// ZooKeeper holds only the live segment; the root and the archive are removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppendOutcomeUnknownError } from '../libs/events/src/core/append-outcome-unknown.error';
import type { NewEvent } from '../libs/events/src/core/event-store.port';
import { Zk } from '../libs/events/src/zookeeper/zk-client';
import { ZooKeeperEventStore } from '../libs/events/src/zookeeper/zookeeper-event-store';
import { clusterAt } from '../apps/controller/src/audit/cluster-history';

const total = Number(process.argv[2] ?? 1_000_000);
const batchSize = 1000;
const writers = 4;
const executors = 200;
const archiveEvery = 20_000;
const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
const root = `/bench-history-${tag}`;
const T0 = 1_700_000_000_000;

function log(line: string): void {
  process.stderr.write(`bench history: ${line}\n`);
}

const ms = (started: bigint): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6);

/** Batch b: executor ex-(b % executors) added, then state changes; one event per ms of store time. */
function batch(b: number): { stream: string; events: NewEvent[] } {
  const executorId = `ex-${b % executors}`;
  const events = Array.from({ length: batchSize }, (_, k): NewEvent => {
    const at = T0 + b * batchSize + k;
    const added = k === 0;
    return {
      id: `${tag}-${b}-${k}`,
      type: added ? 'ExecutorAdded' : 'ExecutorStateChanged',
      data: added
        ? {
            executorId,
            hostname: `host-${executorId}`,
            port: 3000,
            transportType: 'HTTP',
            tags: [],
            state: 'ACTIVE',
            at,
          }
        : { executorId, state: k % 2 === 0 ? 'ACTIVE' : 'UNREADY', at },
      actor: `executor:${executorId}`,
      time: at,
    };
  });
  return { stream: `executor-${executorId}`, events };
}

/** The store says a retry with the same ids is safe after a lost connection: the shared ZooKeeper is busy. */
async function appendSurely(store: ZooKeeperEventStore, stream: string, events: NewEvent[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.append(stream, 'any', events);
      return;
    } catch (err) {
      if (!(err instanceof AppendOutcomeUnknownError) || attempt === 5) throw err;
      log(`append outcome unknown (${err.message}); retrying`);
    }
  }
}

/** Writes the log a round of `archiveEvery` events at a time, archiving between rounds (never during appends). */
async function fill(store: ZooKeeperEventStore): Promise<void> {
  const batches = Math.ceil(total / batchSize);
  const perRound = archiveEvery / batchSize;
  for (let round = 0; round * perRound < batches; round++) {
    let next = round * perRound;
    const end = Math.min(batches, next + perRound);
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < end) {
          const { stream, events } = batch(next++);
          // batches of one stream are appended with ANY: their order is the log's
          await appendSurely(store, stream, events);
        }
      }),
    );
    await store.archive();
    log(`${end * batchSize} events written`);
  }
}

async function main(): Promise<void> {
  const archiveDir = mkdtempSync(join(tmpdir(), 'bench-history-'));
  const open = () => ZooKeeperEventStore.open({ connectString, root, archiveDir, sessionTimeout: 30_000 });
  const writer = await open();
  const zk = await Zk.connect(connectString, 30_000);
  try {
    let started = process.hrtime.bigint();
    await fill(writer);
    const appendMs = ms(started);
    const head = await writer.headPosition();
    const at = T0 + head - 500;
    log(`${head} events in ${appendMs} ms; first history query (full replay, saves snapshots)`);
    started = process.hrtime.bigint();
    const cold = await clusterAt(writer, at);
    const coldMs = ms(started);
    const reader = await open();
    started = process.hrtime.bigint();
    const warm = await clusterAt(reader, at);
    const historyMs = ms(started);
    started = process.hrtime.bigint();
    await clusterAt(reader, T0 + Math.floor(head / 2) + 1234);
    const midLogMs = ms(started);
    await reader.close();
    if (JSON.stringify(warm) !== JSON.stringify(cold))
      throw new Error('history from snapshots differs from the full replay');
    log(
      `cold ${coldMs} ms, from a snapshot ${historyMs} ms (position ${warm.position}, ${warm.executors.length} executors)`,
    );
    process.stdout.write(`${JSON.stringify({ events: head, historyMs, coldMs, midLogMs, appendMs })}\n`);
  } finally {
    await writer.close();
    await zk.removeTree(root);
    zk.close();
    rmSync(archiveDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench history failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
