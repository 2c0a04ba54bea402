import { ExecutorView } from '../cluster/executor-view';
import { NumaNodeView } from '../cluster/numa-node-view';
import { NodePreference } from './candidate';
import { cpusText, ResourceNeed } from './resource-need';

// The NUMA node of the executor that takes the whole instance (never split), or undefined.
// FULLEST = best fit (fewest free CPUs that still suffice), EMPTIEST = worst fit.
export function fitNode(
  executor: ExecutorView,
  need: ResourceNeed,
  preference: NodePreference,
): NumaNodeView | undefined {
  let best: NumaNodeView | undefined;
  for (const node of executor.nodes) {
    if (node.freeCpus < need.cpus || node.freeMemoryMB < need.memoryMB) continue;
    if (
      best === undefined ||
      (preference === 'FULLEST' ? node.freeCpus < best.freeCpus : node.freeCpus > best.freeCpus)
    ) {
      best = node;
    }
  }
  return best;
}

export function numaRejection(executor: ExecutorView, need: ResourceNeed): string {
  const enoughCpus = executor.nodes.some((node) => node.freeCpus >= need.cpus);
  return enoughCpus
    ? `NUMA: no node with ${cpusText(need.cpus)} free also has ${need.memoryMB} MB free`
    : `NUMA: no node has ${cpusText(need.cpus)} free`;
}
