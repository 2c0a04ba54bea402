import { ContainerRuntime, ContainerSummary } from '../runtime/container-runtime.port';
import { INSTANCE_ID_LABEL, JOB_TYPE_LABEL, isDroveContainer } from './drove-labels';

// Drove-labelled containers (running or not) whose instance id is not in `known`. Containers without Drove's
// labels are never returned, so nothing else on the host is ever touched. `scope` narrows the search to
// containers with these labels too: several executors sharing one engine (a dev cluster, tests) each reap
// only their own.
export async function findZombies(
  runtime: ContainerRuntime,
  known: ReadonlySet<string>,
  scope: Record<string, string> = {},
): Promise<ContainerSummary[]> {
  const labelled = await runtime.list({
    labels: { ...scope, [JOB_TYPE_LABEL]: true, [INSTANCE_ID_LABEL]: true },
    all: true,
  });
  return labelled.filter((c) => isDroveContainer(c.labels) && !known.has(c.labels[INSTANCE_ID_LABEL] ?? ''));
}

// Removes a zombie only once it has been one for `graceMs` in a row, so a container started a moment before
// the controller learnt of it (or an executor that restarted before it heard from the controller) survives.
export class ZombieReaper {
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly graceMs: number,
    private readonly now: () => number,
    private readonly scope: Record<string, string> = {},
  ) {}

  // Returns the removed containers.
  async reap(known: ReadonlySet<string>): Promise<ContainerSummary[]> {
    const zombies = await findZombies(this.runtime, known, this.scope);
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
