// The domain never reads the wall clock: the caller passes time in through commands, taken from a Clock.
export interface Clock {
  now(): number;
}

export const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });
