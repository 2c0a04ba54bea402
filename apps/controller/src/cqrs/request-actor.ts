import { principalOf } from '../auth/principal';

/** The actor of a command whose request carries no principal (a route the edge guard did not cover). */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The actor of every write the controller makes on its own (sagas, monitors, leadership, evacuation, retention). */
export const SYSTEM_ACTOR = 'system';

/** A cluster node's actor, e.g. `executor:<NodeId>`: the node type says which secret it proved, the id which node. */
export const nodeActor = (nodeType: string, nodeId: string): string => `${nodeType.toLowerCase()}:${nodeId}`;

/** The log names who asked for each change: the principal the edge guard authenticated. */
export const requestActor = (request: object): string => principalOf(request)?.name ?? ANONYMOUS_ACTOR;
