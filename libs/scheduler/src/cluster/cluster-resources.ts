import { Allocation } from './allocation';
import { ExecutorSnapshot } from './executor-snapshot';
import { ExecutorView } from './executor-view';

// All executors as the scheduler sees them. A report replaces an executor's picture (as in Drove), but soft
// allocations of open sessions survive it while the executor still shows their CPUs free, i.e. has not
// started the instance yet: Drove drops them on the next report and can hand the same cores out twice.
export class ClusterResources {
  // Order is owned by the candidate shuffler; look-ups go through `byId`.
  readonly executors: ExecutorView[] = [];
  private readonly byId = new Map<string, ExecutorView>();
  // Soft allocations of open sessions per executor, each with whether the current picture has it taken.
  private readonly pending = new Map<string, Map<Allocation, boolean>>();

  update(snapshot: ExecutorSnapshot): void {
    const view = new ExecutorView(snapshot);
    const previous = this.byId.get(view.id);
    if (previous) this.executors[this.executors.indexOf(previous)] = view;
    else this.executors.push(view);
    this.byId.set(view.id, view);
    const held = this.pending.get(view.id);
    for (const allocation of held?.keys() ?? []) {
      const stillOurs = view.canTake(allocation);
      if (stillOurs) view.take(allocation);
      held?.set(allocation, stillOurs);
    }
  }

  remove(executorId: string): void {
    const view = this.byId.get(executorId);
    if (!view) return;
    this.byId.delete(executorId);
    const index = this.executors.indexOf(view);
    this.executors[index] = this.executors[this.executors.length - 1];
    this.executors.pop();
  }

  get(executorId: string): ExecutorView | undefined {
    return this.byId.get(executorId);
  }

  get size(): number {
    return this.executors.length;
  }

  holdSoft(allocation: Allocation): void {
    const view = this.byId.get(allocation.executorId);
    if (!view) throw new Error(`Unknown executor ${allocation.executorId}`);
    view.take(allocation);
    let held = this.pending.get(allocation.executorId);
    if (!held) this.pending.set(allocation.executorId, (held = new Map()));
    held.set(allocation, true);
  }

  releaseSoft(allocation: Allocation): void {
    const taken = this.forgetSoft(allocation);
    // After a report that shows the executor's own lock, that lock is the executor's to release.
    if (taken) this.byId.get(allocation.executorId)?.release(allocation);
  }

  // The instance is the executor's now (or the operation ended): its reports account for it from here on.
  forgetSoft(allocation: Allocation): boolean {
    const held = this.pending.get(allocation.executorId);
    const taken = held?.get(allocation) ?? false;
    held?.delete(allocation);
    if (held?.size === 0) this.pending.delete(allocation.executorId);
    return taken;
  }
}
