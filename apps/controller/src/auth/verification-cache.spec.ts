import { Principal } from './principal';
import { VerificationCache } from './verification-cache';

const alice: Principal = { name: 'alice', role: 'DROVE_EXTERNAL_ROOT' };

describe('VerificationCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new VerificationCache({ maximumSize: 2 }, clock);
    cache.put('a', '1', alice);
    cache.put('b', '2', alice);
    cache.get('a', '1');
    cache.put('c', '3', alice);
    expect([cache.get('a', '1'), cache.get('b', '2'), cache.get('c', '3')]).toEqual([
      alice,
      undefined,
      alice,
    ]);
  });

  it('tells credentials apart by password, not only by user name', () => {
    const cache = new VerificationCache({ maximumSize: 5 }, clock);
    cache.put('a', 'right', alice);
    expect(cache.get('a', 'wrong')).toBeUndefined();
  });

  it('expires an entry unused for expireAfterAccess, and keeps one in use', () => {
    const cache = new VerificationCache({ maximumSize: 5, expireAfterAccessMs: 100 }, clock);
    cache.put('a', '1', alice);
    cache.put('b', '2', alice);
    now = 90;
    cache.get('a', '1');
    now = 150;
    expect([cache.get('a', '1'), cache.get('b', '2')]).toEqual([alice, undefined]);
  });

  it('expires an entry expireAfterWrite after it was stored, however much it is used', () => {
    const cache = new VerificationCache({ maximumSize: 5, expireAfterWriteMs: 100 }, clock);
    cache.put('a', '1', alice);
    now = 60;
    cache.get('a', '1');
    now = 100;
    expect(cache.get('a', '1')).toBeUndefined();
  });

  it('stores nothing with maximumSize 0', () => {
    const cache = new VerificationCache({ maximumSize: 0 }, clock);
    cache.put('a', '1', alice);
    expect(cache.size).toBe(0);
  });
});
