// Seeded PRNG (mulberry32): placement is reproducible for a seed, and nothing reads Math.random().
export interface RandomSource {
  // An integer in [0, bound).
  nextInt(bound: number): number;
}

export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    nextInt(bound: number): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return Math.floor(unit * bound);
    },
  };
}
