import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { HttpCallSpec } from './container-spec';

// One HTTP call as an EXECUTOR_HTTP_FETCH config describes it. Unlike Drove's HttpCaller, the configured
// hostname is used, the body is not truncated and basic auth uses standard base64.

const DEFAULT_TIMEOUT_MS = 1000;

export function httpCallUrl(spec: HttpCallSpec): string {
  const scheme = spec.protocol === 'HTTPS' ? 'https' : 'http';
  const port = spec.port || (spec.protocol === 'HTTPS' ? 443 : 80);
  return `${scheme}://${spec.hostname}:${port}${spec.path ?? '/'}`;
}

export function httpCallHeaders(spec: HttpCallSpec): Record<string, string> {
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (spec.authHeader) {
    headers.Authorization = spec.authHeader;
  } else if (spec.username !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${spec.username}:${spec.password ?? ''}`).toString('base64')}`;
  }
  return headers;
}

export class HttpCallError extends Error {}

export function httpCall(spec: HttpCallSpec): Promise<Buffer> {
  const url = httpCallUrl(spec);
  const send = spec.protocol === 'HTTPS' ? httpsRequest : httpRequest;
  const timeoutMs =
    (spec.connectionTimeoutMs ?? DEFAULT_TIMEOUT_MS) + (spec.operationTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  const successCodes = spec.successCodes ?? [200];
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: spec.verb ?? 'GET',
        headers: httpCallHeaders(spec),
        rejectUnauthorized: !spec.insecure,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('error', reject);
        res.on('end', () => {
          if (successCodes.includes(res.statusCode ?? 0)) return resolve(Buffer.concat(parts));
          reject(new HttpCallError(`${spec.verb ?? 'GET'} ${url} returned ${res.statusCode}`));
        });
      },
    );
    req.on('error', (err) =>
      reject(new HttpCallError(`${spec.verb ?? 'GET'} ${url} failed: ${err.message}`)),
    );
    if (spec.payload !== undefined && spec.verb !== 'GET') req.write(spec.payload);
    req.end();
  });
}
