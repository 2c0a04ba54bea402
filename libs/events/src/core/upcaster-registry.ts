import type { StoredEvent } from './event-store.port';

export interface Upcaster {
  type: string;
  /** The schemaVersion this upcaster reads; it produces fromVersion + 1. */
  fromVersion: number;
  upcast(data: unknown): unknown;
}

/** Turns stored events of old shapes into the current shape on read; the stored event is never rewritten. */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  register(upcaster: Upcaster): this {
    const key = this.key(upcaster.type, upcaster.fromVersion);
    if (this.upcasters.has(key)) {
      throw new Error(`an upcaster for ${upcaster.type} v${upcaster.fromVersion} is already registered`);
    }
    this.upcasters.set(key, upcaster);
    return this;
  }

  apply(event: StoredEvent): StoredEvent {
    if (this.upcasters.size === 0) return event;
    let current = event;
    for (;;) {
      const upcaster = this.upcasters.get(this.key(current.type, current.schemaVersion));
      if (!upcaster) return current;
      current = { ...current, schemaVersion: current.schemaVersion + 1, data: upcaster.upcast(current.data) };
    }
  }

  private key(type: string, version: number): string {
    return `${type}\u0000${version}`;
  }
}
