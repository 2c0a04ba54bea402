import { NumaNodeView } from './numa-node-view';

// Which free CPUs of a node to give an instance. Greedy, per step:
//  1. a group with exactly the CPUs still needed, preferring one already broken (it closes a hole);
//  2. else the group with the most free CPUs below the need (whole cores first);
//  3. else the group with the fewest free CPUs above the need (breaks the smallest core).
// So siblings stay together, odd counts fill half-used cores, and whole cores stay whole for later.
export function chooseCpus(node: NumaNodeView, count: number): number[] {
  const chosen: number[] = [];
  const used = new Set<number>();
  let remaining = count;
  while (remaining > 0) {
    const group = pickGroup(node, remaining, used);
    if (group < 0) throw new Error(`NUMA node ${node.id} has fewer than ${count} free CPUs`);
    used.add(group);
    const cpus = node.groups[group];
    const mask = node.freeMasks[group];
    for (let bit = 0; bit < cpus.length && remaining > 0; bit++) {
      if (mask & (1 << bit)) {
        chosen.push(cpus[bit]);
        remaining--;
      }
    }
  }
  return chosen.sort((a, b) => a - b);
}

function pickGroup(node: NumaNodeView, remaining: number, used: Set<number>): number {
  let exactWhole = -1;
  let below = -1;
  let belowFree = 0;
  let above = -1;
  let aboveFree = Infinity;
  for (let g = 0; g < node.groups.length; g++) {
    if (node.freeMasks[g] === 0 || used.has(g)) continue;
    const free = node.freeInGroup(g);
    if (free === remaining) {
      if (free < node.groups[g].length) return g;
      if (exactWhole < 0) exactWhole = g;
    } else if (free < remaining) {
      if (free > belowFree) [below, belowFree] = [g, free];
    } else if (free < aboveFree) {
      [above, aboveFree] = [g, free];
    }
  }
  if (exactWhole >= 0) return exactWhole;
  return below >= 0 ? below : above;
}
