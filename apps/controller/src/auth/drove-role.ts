/** Drove's authorization values (`DroveUserRole`'s role strings); principals carry exactly one. */
export type DroveRole =
  | 'DROVE_CLUSTER_NODE'
  | 'DROVE_APPLICATION_INSTANCE'
  | 'DROVE_EXTERNAL_ROOT'
  | 'DROVE_EXTERNAL_READ_WRITE'
  | 'DROVE_EXTERNAL_MAINTENANCE'
  | 'DROVE_EXTERNAL_READ_ONLY';

/**
 * The `role:` names a configured user may hold: Drove's enum constants, plus `EXTERNAL_MAINTENANCE` as the
 * spelling one would guess from the others. Cluster-node and app-instance roles are not here on purpose: a
 * password must never open what only a cluster secret or an instance token should.
 */
export const USER_ROLES: Readonly<Record<string, DroveRole>> = {
  EXTERNAL_ROOT: 'DROVE_EXTERNAL_ROOT',
  EXTERNAL_READ_WRITE: 'DROVE_EXTERNAL_READ_WRITE',
  DROVE_EXTERNAL_MAINTENANCE: 'DROVE_EXTERNAL_MAINTENANCE',
  EXTERNAL_MAINTENANCE: 'DROVE_EXTERNAL_MAINTENANCE',
  EXTERNAL_READ_ONLY: 'DROVE_EXTERNAL_READ_ONLY',
};
