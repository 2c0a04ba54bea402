import { ContainerRuntime, ContainerSummary } from '../runtime/container-runtime.port';
import { INSTANCE_ID_LABEL } from './drove-labels';
import { Ownership, claims, droveContainersInScope } from './container-ownership';

// Drove-labelled containers (running or not) that `ownership` claims and whose instance id is not in `known`.
// Containers without Drove's labels are never returned, so nothing else on the host is ever touched, and
// neither are containers of another executor id, unless `ownership.adoptOthers`.
export async function findZombies(
  runtime: ContainerRuntime,
  known: ReadonlySet<string>,
  ownership: Ownership,
): Promise<ContainerSummary[]> {
  const labelled = await droveContainersInScope(runtime, ownership);
  return labelled.filter((c) => claims(ownership, c.labels) && !known.has(c.labels[INSTANCE_ID_LABEL] ?? ''));
}

// Removes a zombie only once it has been one for `graceMs` in a row, so a container started a moment before
// the controller learnt of it (or an executor that restarted before it heard from the controller) survives.
export class ZombieReaper {
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly graceMs: number,
    private readonly now: () => number,
    private readonly ownership: Ownership,
  ) {}

  // Returns the removed containers.
  async reap(known: ReadonlySet<string>): Promise<ContainerSummary[]> {
    const zombies = await findZombies(this.runtime, known, this.ownership);
    const now = this.now();
    const current = new Set(zombies.map((z) => z.id));
    [...this.firstSeen.keys()].filter((id) => !current.has(id)).forEach((id) => this.firstSeen.delete(id));
    const due = zombies.filter((z) => {
      const seen = this.firstSeen.get(z.id) ?? now;
      this.firstSeen.set(z.id, seen);
      return now - seen >= this.graceMs;
    });
    for (const zombie of due) {
      await this.runtime.remove(zombie.id);
      this.firstSeen.delete(zombie.id);
    }
    return due;
  }
}
