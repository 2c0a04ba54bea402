import { ClusterResources } from './cluster/cluster-resources';
import { ResourceNeed } from './pipeline/resource-need';
import { CompiledPolicy } from './policy/compiled-policy';

// Drove's ControllerUtils#checkResources, run when an operation is accepted: free resources summed over the
// schedulable executors the policy's tags allow, and the largest NUMA node against one instance.
// Returns Drove's error text, or null when the operation may go ahead.
export function checkAdmission(
  cluster: ClusterResources,
  policy: CompiledPolicy,
  isSchedulable: (state: string) => boolean,
  need: ResourceNeed,
  instances: number,
): string | null {
  if (cluster.size === 0) return 'No executors on cluster';
  let freeCpus = 0;
  let freeMemoryMB = 0;
  let largestNodeCpus = 0;
  let largestNodeMemoryMB = 0;
  for (const executor of cluster.executors) {
    if (!isSchedulable(executor.state) || !policy.tagEligible(executor)) continue;
    freeCpus += executor.freeCpus();
    freeMemoryMB += executor.freeMemoryMB();
    for (const node of executor.nodes) {
      largestNodeCpus = Math.max(largestNodeCpus, node.totalCpus);
      largestNodeMemoryMB = Math.max(largestNodeMemoryMB, node.totalMemoryMB);
    }
  }
  const cpus = need.cpus * instances;
  const memoryMB = need.memoryMB * instances;
  if (cpus > freeCpus) return `Cluster does not have enough CPU. Required: ${cpus} Available: ${freeCpus}`;
  if (memoryMB > freeMemoryMB) {
    return `Cluster does not have enough Memory. Required: ${memoryMB} Available: ${freeMemoryMB}`;
  }
  // Drove prints the total here although it compares one instance; the per-instance figure is the useful one.
  if (need.cpus > largestNodeCpus) {
    return (
      'Required cores exceeds the maximum core available on a single NUMA node in the cluster. ' +
      `Required: ${need.cpus} Max: ${largestNodeCpus}`
    );
  }
  if (need.memoryMB > largestNodeMemoryMB) {
    return (
      'Required memory exceeds the maximum memory available on a single NUMA node in the cluster. ' +
      `Required: ${need.memoryMB} Max: ${largestNodeMemoryMB}`
    );
  }
  return null;
}
