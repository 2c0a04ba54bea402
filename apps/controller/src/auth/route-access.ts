import { SetMetadata } from '@nestjs/common';
import { DroveRole } from './drove-role';

/**
 * Endpoint classes of Drove's access matrix (reference 9.4). READ is Drove's "any authenticated principal"
 * narrowed to external ones, and ANY is kept for leader discovery (`/v1/ping`), which executors call too.
 */
export type RouteAccess = 'ANY' | 'READ' | 'LOGS' | 'RW' | 'MAINT' | 'NODE' | 'APPI';

/** A route without `@Roles` is READ: fail closed for cluster credentials, open to every external role. */
export const DEFAULT_ROUTE_ACCESS: RouteAccess = 'READ';

/**
 * Who passes which class. The hierarchy ROOT > READ_WRITE > READ_ONLY and ROOT > MAINTENANCE, and nothing more:
 * READ_WRITE cannot do maintenance and MAINTENANCE cannot read logs, as in Drove. A cluster node or an app
 * instance passes only its own routes (and ping), so a leaked cluster secret opens no external route and a
 * leaked password no cluster route.
 */
export const ACCESS_TABLE: Readonly<Record<DroveRole, readonly RouteAccess[]>> = {
  DROVE_EXTERNAL_ROOT: ['ANY', 'READ', 'LOGS', 'RW', 'MAINT'],
  DROVE_EXTERNAL_READ_WRITE: ['ANY', 'READ', 'LOGS', 'RW'],
  DROVE_EXTERNAL_MAINTENANCE: ['ANY', 'READ', 'MAINT'],
  DROVE_EXTERNAL_READ_ONLY: ['ANY', 'READ', 'LOGS'],
  DROVE_CLUSTER_NODE: ['ANY', 'NODE'],
  DROVE_APPLICATION_INSTANCE: ['ANY', 'APPI'],
};

const EXTERNAL_ROLES: ReadonlySet<DroveRole> = new Set<DroveRole>([
  'DROVE_EXTERNAL_ROOT',
  'DROVE_EXTERNAL_READ_WRITE',
  'DROVE_EXTERNAL_MAINTENANCE',
  'DROVE_EXTERNAL_READ_ONLY',
]);

export interface AccessOptions {
  /** Drove's `options.disableReadAuth`: log routes need no read role, any external principal passes. */
  disableReadAuth: boolean;
}

export function canAccess(role: DroveRole, access: RouteAccess, options: AccessOptions): boolean {
  if (access === 'LOGS' && options.disableReadAuth && EXTERNAL_ROLES.has(role)) return true;
  return ACCESS_TABLE[role].includes(access);
}

export const ROUTE_ACCESS_KEY = 'drove:route-access';

/** Declares which endpoint class a route (or every route of a controller) belongs to. */
export const Roles = (access: RouteAccess) => SetMetadata(ROUTE_ACCESS_KEY, access);
