// Scheduler benchmark: 5,000 simulated executors (hwloc synthetic 2 NUMA x 24 cores x 2 PUs, 256 GiB), 100,000
// instances placed one at a time (1-4 CPUs, 512 MB-8 GB, a mix of ANY, ONE_PER_HOST, MATCH_TAG and COMPOSITE).
// Last line: one JSON object.
import { PlacementPolicy } from '@drove/domain';
import { Scheduler, SchedulingSession, seededRandom } from '@drove/scheduler';
import { applyExecutorOptions, discoverTopology } from '@drove/topology';

const EXECUTORS = Number(process.env.BENCH_EXECUTORS ?? 5000);
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 100_000);
const INSTANCES_PER_APP = 50;
const TAGS = ['gpu', 'ssd'];

const POLICIES: PlacementPolicy[] = [
  { type: 'ANY' },
  { type: 'ONE_PER_HOST' },
  { type: 'MATCH_TAG', tag: 'gpu' },
  {
    type: 'COMPOSITE',
    combiner: 'AND',
    policies: [
      { type: 'MATCH_TAG', tag: 'ssd' },
      { type: 'MAX_N_PER_HOST', max: 2 },
    ],
  },
];

async function main(): Promise<void> {
  const topology = await discoverTopology({
    type: 'SYNTHETIC',
    description: 'package:2 [numa(memory=128GiB)] core:24 pu:2',
  });
  const capacity = applyExecutorOptions(topology);
  const workload = seededRandom(2024);
  const scheduler = new Scheduler({ seed: 1 });
  for (let i = 0; i < EXECUTORS; i++) {
    // Two executors in five carry a tag (gpu or ssd), so Drove's default NO_TAG and MATCH_TAG both have room.
    const tags = i % 5 < 2 ? [TAGS[i % 5]] : [];
    scheduler.cluster.update({
      executorId: `executor-${i}`,
      hostname: `host-${i}`,
      state: 'ACTIVE',
      tags,
      metadata: { rack: `r${i % 40}` },
      nodes: capacity.nodes.map((node) => ({
        ...node,
        freeCpus: node.coreGroups.flat(),
        freeMemoryMB: node.memoryMB,
      })),
    });
  }
  console.log(`cluster: ${EXECUTORS} executors x ${capacity.nodes.length} NUMA nodes, placing ${PLACEMENTS}`);

  const latenciesNs = new Float64Array(PLACEMENTS);
  let failed = 0;
  let session: SchedulingSession | undefined;
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  for (let n = 0; n < PLACEMENTS; n++) {
    // A new app every INSTANCES_PER_APP placements, each with its own session (one scale-up operation).
    const app = Math.floor(n / INSTANCES_PER_APP);
    const resources = [
      { type: 'CPU' as const, count: 1 + workload.nextInt(4) },
      { type: 'MEMORY' as const, sizeInMB: 512 * (1 + workload.nextInt(16)) },
    ];
    const started = process.hrtime.bigint();
    if (n % INSTANCES_PER_APP === 0) {
      session?.close();
      session = scheduler.openSession({
        deployableId: `app-${app}`,
        kind: 'APPLICATION',
        policy: POLICIES[app % 4],
      });
    }
    const result = session!.place({ instanceId: `AI-${n}`, resources });
    latenciesNs[n] = Number(process.hrtime.bigint() - started);
    if (!result.ok) failed++;
    if ((n + 1) % 20_000 === 0) console.log(`placed ${n + 1 - failed} of ${n + 1}`);
  }
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  latenciesNs.sort();
  const percentileUs = (p: number): number => round(latenciesNs[Math.floor((PLACEMENTS - 1) * p)] / 1000);
  console.log(`wall ${wallSeconds.toFixed(2)} s, CPU ${cpuSeconds.toFixed(2)} s`);
  console.log(
    JSON.stringify({
      executors: EXECUTORS,
      placements: PLACEMENTS,
      failed,
      placementsPerSec: Math.round(PLACEMENTS / wallSeconds),
      cpuPlacementsPerSec: Math.round(PLACEMENTS / cpuSeconds),
      p50Us: percentileUs(0.5),
      p99Us: percentileUs(0.99),
      heapMB: round(process.memoryUsage().heapUsed / 2 ** 20),
    }),
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
