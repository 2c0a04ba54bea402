import { ExposedAppInfo } from './drove-types';

export interface ControllerAuth {
  /** Basic auth for a controller with userAuth enabled (any external role reads). */
  username?: string;
  password?: string;
}

export const authHeaders = (auth: ControllerAuth): Record<string, string> =>
  auth.username === undefined
    ? {}
    : { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}` };

/** `GET /apis/v1/endpoints`, all apps or only those named. */
export async function fetchEndpoints(
  baseUrl: string,
  auth: ControllerAuth,
  appNames?: readonly string[],
): Promise<ExposedAppInfo[]> {
  const query = appNames ? `?${appNames.map((n) => `app=${encodeURIComponent(n)}`).join('&')}` : '';
  const res = await fetch(`${baseUrl}/apis/v1/endpoints${query}`, {
    headers: authHeaders(auth),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { status: string; data?: ExposedAppInfo[]; message?: string };
  if (res.status !== 200 || body.status !== 'SUCCESS' || !body.data) {
    throw new Error(`${baseUrl}/apis/v1/endpoints: ${res.status} ${body.message ?? ''}`);
  }
  return body.data;
}
