import { DroveRole } from './drove-role';

/** Who made a request, as the audit trail will name them: a user, `CONTROLLER-<node>`, `EXECUTOR-<node>`. */
export interface Principal {
  readonly name: string;
  readonly role: DroveRole;
}

const principals = new WeakMap<object, Principal>();

export function attachPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

/** The principal the edge guard authenticated for this request; undefined only on a route it did not guard. */
export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}
