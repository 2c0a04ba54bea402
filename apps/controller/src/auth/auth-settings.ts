import { ClusterAuthConfig, ControllerOptions, UserAuthConfig } from '../config/controller-config';
import { Authenticator } from './authenticator';
import { BasicAuthAuthenticator, bcryptCheck, plainCheck } from './basic-auth.authenticator';
import { parseCachingPolicy } from './caching-policy';
import { ClusterSecretAuthenticator } from './cluster-secret.authenticator';
import { CompositeAuthenticator } from './composite.authenticator';
import { USER_ROLES } from './drove-role';
import { NoAuthAuthenticator } from './no-auth.authenticator';
import { VerificationCache } from './verification-cache';

/** The part of the controller config the HTTP edge's auth reads. */
export interface AuthSettings {
  userAuth: UserAuthConfig;
  clusterAuth: ClusterAuthConfig;
  options: ControllerOptions;
}

export const AUTH_SETTINGS = Symbol('AuthSettings');

export function defaultAuthSettings(): AuthSettings {
  return {
    userAuth: new UserAuthConfig(),
    clusterAuth: new ClusterAuthConfig(),
    options: new ControllerOptions(),
  };
}

/**
 * Drove's chain: the cluster secret first, then basic auth when enabled or no-auth otherwise (app-instance tokens
 * will slot in second). `now` drives the expiry of cached verifications.
 */
export function buildEdgeAuthenticator(settings: AuthSettings, now: () => number = Date.now): Authenticator {
  const { userAuth, clusterAuth } = settings;
  const cluster = new ClusterSecretAuthenticator(clusterAuth.secrets);
  if (!userAuth.enabled) return new CompositeAuthenticator([cluster, new NoAuthAuthenticator()]);
  const users = userAuth.users.map((u) => ({
    username: u.username,
    password: u.password,
    role: USER_ROLES[u.role],
  }));
  const cache = new VerificationCache(parseCachingPolicy(userAuth.cachingPolicy), now);
  const check = userAuth.encoding === 'CRYPT' ? bcryptCheck : plainCheck;
  return new CompositeAuthenticator([cluster, new BasicAuthAuthenticator(users, check, cache)]);
}
