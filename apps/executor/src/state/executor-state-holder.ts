import { ExecutorState } from '@drove/domain';

// The executor's own state (Drove section 3.4). UNREADY until restart recovery is done, then ACTIVE.
// Drove also waits, while UNREADY, for the local services the leader reserves on this host to be healthy;
// local services are not run here yet, so recovery is the only gate.
export class ExecutorStateHolder {
  private current: ExecutorState = 'UNREADY';
  private readonly listeners: ((state: ExecutorState) => void)[] = [];

  get state(): ExecutorState {
    return this.current;
  }

  onChange(listener: (state: ExecutorState) => void): void {
    this.listeners.push(listener);
  }

  ready(): void {
    if (this.current === 'UNREADY') this.set('ACTIVE');
  }

  blacklistRequested(): void {
    this.set('BLACKLIST_REQUESTED');
  }

  blacklisted(): void {
    this.set('BLACKLISTED');
  }

  // UNBLACKLIST: UNREADY, then ACTIVE again at once (no local-service wait, see above).
  unblacklisted(): void {
    this.set('UNREADY');
    this.ready();
  }

  private set(state: ExecutorState): void {
    if (state === this.current) return;
    this.current = state;
    this.listeners.forEach((listener) => listener(state));
  }
}
