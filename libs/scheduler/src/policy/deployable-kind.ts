export const DEPLOYABLE_KINDS = ['APPLICATION', 'TASK', 'LOCAL_SERVICE'] as const;
export type DeployableKind = (typeof DEPLOYABLE_KINDS)[number];
