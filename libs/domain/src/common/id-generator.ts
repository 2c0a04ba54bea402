// The domain never draws random numbers: uuids come from an injected generator (crypto.randomUUID in apps,
// a counter in tests).
export interface IdGenerator {
  uuid(): string;
}

export const sequentialIdGenerator = (prefix = '00000000-0000-4000-8000-'): IdGenerator => {
  let next = 0;
  return { uuid: () => `${prefix}${(next++).toString(16).padStart(12, '0')}` };
};
