import { ResourceRequirement } from '@drove/domain';

export interface ResourceNeed {
  cpus: number;
  memoryMB: number;
}

// Drove sums every CPU and every MEMORY requirement of a spec. Pinning needs at least one whole CPU.
export function resourceNeed(resources: ResourceRequirement[]): ResourceNeed | string {
  let cpus = 0;
  let memoryMB = 0;
  for (const requirement of resources) {
    if (requirement.type === 'CPU') cpus += requirement.count;
    else if (requirement.type === 'MEMORY') memoryMB += requirement.sizeInMB;
  }
  if (!Number.isInteger(cpus) || cpus < 1)
    return `An instance needs a whole number of CPUs, at least 1; got ${cpus}`;
  if (!Number.isInteger(memoryMB) || memoryMB < 0)
    return `Memory must be a whole number of MB; got ${memoryMB}`;
  return { cpus, memoryMB };
}

export function cpusText(count: number): string {
  return count === 1 ? '1 CPU' : `${count} CPUs`;
}
