import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, hashEvent, sealEvents } from './hash-chain';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[3, 'a', true], '[3,"a",true]'],
    [{ at: new Date(0), n: NaN }, '{"at":"1970-01-01T00:00:00.000Z","n":null}'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('hash chain', () => {
  it('links each event to the one before and changes with any field', () => {
    const [first, second] = sealEvents(
      [
        { id: 'a', type: 'T', data: { x: 1 } },
        { id: 'b', type: 'T', data: { x: 2 } },
      ],
      { stream: 's', streamVersion: 0, position: 0, prevHash: GENESIS_HASH, now: 5 },
    );
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(hashEvent(first)).toBe(first.hash);
    expect(hashEvent({ ...first, time: 6 })).not.toBe(first.hash);
    expect(hashEvent({ ...first, data: { x: 1 } })).toBe(first.hash);
  });
});
