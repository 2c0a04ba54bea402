// Event store benchmark against the provisioned ZooKeeper. Last line: one JSON object.
// Usage: npm run bench -- events [events=200000] [concurrency=64] [multis in flight=2]
import { CreateMode } from 'node-zookeeper-client';
import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../libs/events/src/core/event-store.port';
import { Zk } from '../libs/events/src/zookeeper/zk-client';
import { ZooKeeperEventStore } from '../libs/events/src/zookeeper/zookeeper-event-store';

const total = Number(process.argv[2] ?? 200_000);
const concurrency = Number(process.argv[3] ?? 64);
const maxInFlight = Number(process.argv[4] ?? 2);
const batchSize = 100;
const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
const rawRoot = `/bench-events-raw-${tag}`;
const storeRoot = `/bench-events-store-${tag}`;
/** Raw znodes per parent, as the store's segments. */
const rawParentSize = 10_000;

const payload = { note: 'x'.repeat(160) };
let counter = 0;
const event = (): NewEvent => ({
  id: `${tag}-${counter++}`,
  type: 'BenchHappened',
  data: { ...payload, n: counter },
});

function log(line: string): void {
  process.stderr.write(`bench events: ${line}\n`);
}

/** Runs task(0..count-1) with `workers` of them in flight; returns the seconds taken. */
async function timed(
  count: number,
  workers: number,
  task: (i: number, worker: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (next < count) await task(next++, worker);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const rate = (count: number, seconds: number): number => Math.round(count / seconds);

async function main(): Promise<void> {
  const singles = total / 2;
  const batches = Math.ceil(total / 2 / batchSize);
  const zk = await Zk.connect(connectString, 30_000);
  const store = await ZooKeeperEventStore.open({
    connectString,
    root: storeRoot,
    sessionTimeout: 30_000,
    maxInFlight,
  });
  try {
    const sample = Buffer.from(JSON.stringify(event()));
    await zk.create(rawRoot);
    for (let p = 0; p * rawParentSize < singles; p += 1) await zk.create(`${rawRoot}/p-${p}`);
    const created: string[] = [];
    const rawCreateSeconds = await timed(singles, concurrency, async (i) => {
      const parent = `${rawRoot}/p-${Math.floor(i / rawParentSize)}`;
      created[i] = await zk.create(`${parent}/e-`, sample, CreateMode.PERSISTENT_SEQUENTIAL);
    });
    const rawCreatePerSec = rate(singles, rawCreateSeconds);
    log(`raw sequential creates: ${singles} in ${rawCreateSeconds.toFixed(1)} s = ${rawCreatePerSec}/s`);

    const rawReadSeconds = await timed(
      singles,
      concurrency,
      async (i) => void (await zk.getData(created[i])),
    );
    const rawReadPerSec = rate(singles, rawReadSeconds);
    log(`raw reads: ${singles} in ${rawReadSeconds.toFixed(1)} s = ${rawReadPerSec}/s`);
    // The shared ZooKeeper has a 512 MiB heap: free what is measured as soon as it is measured.
    await zk.removeTree(rawRoot);

    // Appends are fenced by a leader znode and checked against expected versions, as the controller's are.
    const fence = await zk.create(`${storeRoot}/leader-`, Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL);
    const versions = new Array<number>(concurrency).fill(0);
    const appendSeconds = await timed(singles, concurrency, async (_, worker) => {
      await store.append(`single-${worker}`, versions[worker], [event()], { fence });
      versions[worker] += 1;
    });
    const appendPerSec = rate(singles, appendSeconds);
    log(`single-event appends (fenced, expected versions): ${appendPerSec}/s`);
    await store.compact();

    const batchVersions = new Array<number>(concurrency).fill(0);
    const batchedSeconds = await timed(batches, concurrency, async (_, worker) => {
      const events = Array.from({ length: batchSize }, event);
      await store.append(`batch-${worker}`, batchVersions[worker], events, { fence });
      batchVersions[worker] += batchSize;
    });
    const batchedAppendPerSec = rate(batches * batchSize, batchedSeconds);
    log(`${batchSize}-event appends: ${batchedAppendPerSec} events/s`);

    const head = await store.headPosition();
    const compactStarted = Date.now();
    const compacted = await store.compact();
    log(
      `compacted ${compacted.length} sealed segments in ${((Date.now() - compactStarted) / 1000).toFixed(1)} s`,
    );

    const replayer = await ZooKeeperEventStore.open({
      connectString,
      root: storeRoot,
      sessionTimeout: 30_000,
    });
    let replayed = 0;
    const replaySeconds = await timed(1, 1, async () => {
      for (let from = 1; from <= head;) {
        const page = await replayer.readAll(from, 20_000);
        replayed += page.length;
        from += page.length;
      }
    });
    await replayer.close();
    if (replayed !== head) throw new Error(`replayed ${replayed} events of ${head}`);
    const replayPerSec = rate(replayed, replaySeconds);
    log(`replay of ${replayed} events: ${replaySeconds.toFixed(2)} s = ${replayPerSec}/s`);

    const verified = await store.verify();
    log(`hash chain: ${JSON.stringify(verified)}`);

    const result = {
      events: head,
      rawCreatePerSec,
      appendPerSec,
      appendRatio: Number((appendPerSec / rawCreatePerSec).toFixed(2)),
      batchedAppendPerSec,
      batchedRatio: Number((batchedAppendPerSec / rawCreatePerSec).toFixed(2)),
      rawReadPerSec,
      replayPerSec,
      replayRatio: Number((replayPerSec / rawReadPerSec).toFixed(2)),
      concurrency,
      payloadBytes: sample.length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    log('removing the benchmark znodes');
    await zk.removeTree(rawRoot);
    await zk.removeTree(storeRoot);
    zk.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench events: failed: ${String(error)}\n`);
  process.exit(1);
});
