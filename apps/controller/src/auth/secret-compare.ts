import { createHash, timingSafeEqual } from 'node:crypto';

/** Equality whose time does not reveal how much of a secret a guess got right. */
export function secretEquals(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
