import createClient, { Client, HeadersOptions } from 'openapi-fetch';
import type { components, paths } from './generated/controller-api';

/** The controller's schemas by name, e.g. `DroveSchemas['AppSummaryDto']`. */
export type DroveSchemas = components['schemas'];

export type DroveClient = Client<paths>;

/** A user of the controller's userAuth (HTTP basic), or a cluster node with its shared secret. */
export type DroveCredentials =
  { username: string; password: string } | { clusterSecret: string; nodeId: string };

export interface DroveClientOptions {
  /** The controller's root, e.g. `http://127.0.0.1:4000` (paths already start with `/apis`). */
  baseUrl: string;
  /** Sent on every call; none for a controller in no-auth mode. */
  credentials?: DroveCredentials;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: (input: Request) => Promise<Response>;
}

export function authHeaders(credentials: DroveCredentials | undefined): Record<string, string> {
  if (!credentials) return {};
  if ('username' in credentials) {
    const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
    return { authorization: `Basic ${token}` };
  }
  return { 'cluster-authorization': credentials.clusterSecret, nodeid: credentials.nodeId };
}

/**
 * A typed client of the controller API: every path, parameter, body and answer as the committed OpenAPI document
 * says. Answers keep Drove's envelope: check `data.status` (a FAILED lookup is still HTTP 200).
 */
export function createDroveClient(options: DroveClientOptions): DroveClient {
  const headers: HeadersOptions = { ...options.headers, ...authHeaders(options.credentials) };
  return createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), headers, fetch: options.fetch });
}
