import type { IncomingHttpHeaders } from 'node:http';
import { Authenticator, headerValue } from './authenticator';
import { nodeActor } from '../cqrs/request-actor';
import { Principal } from './principal';
import { secretEquals } from './secret-compare';

export const CLUSTER_AUTH_HEADER = 'cluster-authorization';
export const NODE_ID_HEADER = 'nodeid';

export interface NodeSecret {
  nodeType: string;
  secret: string;
}

/**
 * Drove's controller <-> executor scheme: `Cluster-Authorization: <secret of the sender's node type>` and
 * `NodeId: <sender>`. Any configured secret is accepted (executors also call each other); the principal is
 * `executor:<nodeId>` / `controller:<nodeId>` (the audit actor) with the cluster-node role, which opens cluster routes and nothing else.
 */
export class ClusterSecretAuthenticator implements Authenticator {
  constructor(private readonly secrets: readonly NodeSecret[]) {}

  authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const given = headerValue(headers, CLUSTER_AUTH_HEADER);
    if (!given) return Promise.resolve(null);
    // Every secret is compared, so the time taken does not tell which node type a guess was close to.
    const matches = this.secrets.filter((s) => secretEquals(given, s.secret));
    if (matches.length === 0) return Promise.resolve(null);
    const node = headerValue(headers, NODE_ID_HEADER) || 'unknown';
    return Promise.resolve({ name: nodeActor(matches[0].nodeType, node), role: 'DROVE_CLUSTER_NODE' });
  }
}
