import { problemValidator } from './problem-validator';

/** What the cache of verified credentials honours of a Caffeine spec such as Drove's `cachingPolicy`. */
export interface CachingPolicy {
  maximumSize: number;
  /** Milliseconds; an entry expires this long after it was last used, or after it was stored. */
  expireAfterAccessMs?: number;
  expireAfterWriteMs?: number;
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Caffeine keys that change nothing here (statistics, sizing hints); accepted so Drove configs load. */
const IGNORED = new Set(['initialCapacity', 'recordStats']);

export class CachingPolicyError extends Error {}

/** Parses `maximumSize=500, expireAfterAccess=30m`; throws CachingPolicyError naming the bad part. */
export function parseCachingPolicy(spec: string): CachingPolicy {
  const policy: CachingPolicy = { maximumSize: 500 };
  for (const part of spec.split(',').map((p) => p.trim())) {
    const [key, value = ''] = part.split('=').map((p) => p.trim());
    if (IGNORED.has(key)) continue;
    if (key === 'maximumSize' && /^\d+$/.test(value)) policy.maximumSize = Number(value);
    else if (key === 'expireAfterAccess') policy.expireAfterAccessMs = durationMs(part, value);
    else if (key === 'expireAfterWrite') policy.expireAfterWriteMs = durationMs(part, value);
    else throw new CachingPolicyError(`unsupported caching policy entry "${part}"`);
  }
  return policy;
}

function durationMs(part: string, value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match) throw new CachingPolicyError(`"${part}" needs a duration such as 30s, 30m, 12h or 1d`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

export function IsCachingPolicy(): PropertyDecorator {
  return problemValidator('isCachingPolicy', (value) =>
    typeof value === 'string' ? policyProblem(value) : 'must be a string',
  );
}

function policyProblem(spec: string): string | null {
  try {
    parseCachingPolicy(spec);
    return null;
  } catch (err) {
    if (err instanceof CachingPolicyError) return err.message;
    throw err;
  }
}
