import type { IncomingHttpHeaders } from 'node:http';

export const MASK = '***';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cluster-authorization',
  'app-instance-authorization',
  'cookie',
  'set-cookie',
]);

/** Keys whose values are secrets wherever they appear (config, specs, messages), compared case-insensitively. */
const SECRET_KEYS = new Set([
  ...SECRET_HEADERS,
  'password',
  'secret',
  'authheader',
  'token',
  'instanceauthtoken',
]);

/**
 * Headers safe to log: credentials replaced by `***`, keeping only the scheme of an `Authorization` header
 * (`Basic ***`) since which scheme a client tried is what one needs to know when it is refused.
 */
export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    const lower = name.toLowerCase();
    if (!SECRET_HEADERS.has(lower)) masked[name] = value;
    else if (lower.endsWith('authorization') && /^\w+\s/.test(value))
      masked[name] = `${value.split(/\s/)[0]} ${MASK}`;
    else masked[name] = MASK;
  }
  return masked;
}

/** A deep copy of `value` with every secret-named field replaced by `***`, for anything about to be logged. */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => maskSecrets(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SECRET_KEYS.has(key.toLowerCase()) && field !== null && field !== undefined ? MASK : maskSecrets(field),
    ]),
  ) as T;
}
