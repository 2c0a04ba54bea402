import type { IncomingHttpHeaders } from 'node:http';
import { Principal } from './principal';

/**
 * One way of proving who the caller is. Schemes plug in here (bearer tokens, OIDC): the composite tries them in
 * order and the first principal wins. `null` means "not mine or not valid": the next scheme gets its turn.
 */
export interface Authenticator {
  authenticate(headers: IncomingHttpHeaders): Promise<Principal | null>;
  /** The `WWW-Authenticate` value to send when every scheme failed and this one is the last. */
  readonly challenge?: string;
}

export const EDGE_AUTHENTICATOR = Symbol('EdgeAuthenticator');

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
