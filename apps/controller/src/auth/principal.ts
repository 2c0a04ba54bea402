import { DroveRole } from './drove-role';
import { InstanceTokenClaims } from './instance-token';

/**
 * Who made a request, as the audit trail will name them: a user, `controller:<node>`, `executor:<node>`, or
 * `<appId>:<instanceId>` for an app instance, which also carries what its token was bound to.
 */
export interface Principal {
  readonly name: string;
  readonly role: DroveRole;
  readonly instance?: InstanceTokenClaims;
}

const principals = new WeakMap<object, Principal>();

export function attachPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

/** The principal the edge guard authenticated for this request; undefined only on a route it did not guard. */
export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}
