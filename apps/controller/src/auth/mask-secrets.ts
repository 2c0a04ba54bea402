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
