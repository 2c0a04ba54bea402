import { createHmac, randomBytes } from 'node:crypto';
import { CachingPolicy } from './caching-policy';
import { Principal } from './principal';

interface Entry {
  principal: Principal;
  storedAt: number;
  usedAt: number;
}

/**
 * Remembers credentials that passed bcrypt, which is slow by design (tens of milliseconds a check at cost 10), so
 * a client calling every second does not pay it each time. Keys are an HMAC of the credentials under a key made
 * at start and never stored: the cache holds no password, and a heap dump gives nothing to brute-force offline.
 * Only successes are kept; a least recently used entry goes when the cache is full.
 */
export class VerificationCache {
  private readonly entries = new Map<string, Entry>();
  private readonly key = randomBytes(32);

  constructor(
    private readonly policy: CachingPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  get(username: string, password: string): Principal | undefined {
    const id = this.idOf(username, password);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const now = this.now();
    if (this.expired(entry, now)) {
      this.entries.delete(id);
      return undefined;
    }
    entry.usedAt = now;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.principal;
  }

  put(username: string, password: string, principal: Principal): void {
    if (this.policy.maximumSize === 0) return;
    const now = this.now();
    const id = this.idOf(username, password);
    this.entries.delete(id);
    this.entries.set(id, { principal, storedAt: now, usedAt: now });
    if (this.entries.size > this.policy.maximumSize) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cache's keys, for tests that check no credential is kept in the clear. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  private expired(entry: Entry, now: number): boolean {
    const { expireAfterAccessMs, expireAfterWriteMs } = this.policy;
    return (
      (expireAfterAccessMs !== undefined && now - entry.usedAt >= expireAfterAccessMs) ||
      (expireAfterWriteMs !== undefined && now - entry.storedAt >= expireAfterWriteMs)
    );
  }

  private idOf(username: string, password: string): string {
    return createHmac('sha256', this.key).update(username).update('\0').update(password).digest('base64');
  }
}
