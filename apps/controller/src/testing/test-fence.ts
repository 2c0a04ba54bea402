import { Fence } from '../event-store/fence';

/** A Fence a test moves by hand: `lead(path)` as the election would on winning, `depose()` on losing. */
export class TestFence implements Fence {
  private current: string | null = null;
  private readonly listeners = new Set<() => void>();

  path(): string | null {
    return this.current;
  }

  onLeading(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lead(path: string): void {
    this.current = path;
    for (const listener of this.listeners) listener();
  }

  depose(): void {
    this.current = null;
  }
}
