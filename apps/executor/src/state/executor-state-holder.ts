import { ExecutorState } from '@drove/domain';

// The executor's own state (Drove section 3.4). UNREADY until restart recovery is done and `beforeActive` (the
// wait for the leader's reserved local services, when configured) resolves, then ACTIVE; UNBLACKLIST goes
// through UNREADY and the same wait again.
export class ExecutorStateHolder {
  private current: ExecutorState = 'UNREADY';
  private readonly listeners: ((state: ExecutorState) => void)[] = [];
  // A wait overtaken by a newer one (or by blacklisting) must not make the executor ACTIVE.
  private epoch = 0;

  constructor(private readonly beforeActive: () => Promise<void> = () => Promise.resolve()) {}

  get state(): ExecutorState {
    return this.current;
  }

  onChange(listener: (state: ExecutorState) => void): void {
    this.listeners.push(listener);
  }

  async ready(): Promise<void> {
    const epoch = ++this.epoch;
    await this.beforeActive();
    if (this.current === 'UNREADY' && epoch === this.epoch) this.set('ACTIVE');
  }

  blacklistRequested(): void {
    this.epoch++;
    this.set('BLACKLIST_REQUESTED');
  }

  blacklisted(): void {
    this.epoch++;
    this.set('BLACKLISTED');
  }

  unblacklisted(): void {
    this.set('UNREADY');
    // a failed wait (the executor stopping) leaves it UNREADY
    this.ready().catch(() => undefined);
  }

  private set(state: ExecutorState): void {
    if (state === this.current) return;
    this.current = state;
    this.listeners.forEach((listener) => listener(state));
  }
}
