import { principalOf } from '../auth/principal';

/** The actor of a command whose request carries no principal (a route the edge guard did not cover). */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The log names who asked for each change: the principal the edge guard authenticated. */
export const requestActor = (request: object): string => principalOf(request)?.name ?? ANONYMOUS_ACTOR;
