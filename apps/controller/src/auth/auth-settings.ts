import {
  ClusterAuthConfig,
  ControllerOptions,
  InstanceAuthConfig,
  UserAuthConfig,
} from '../config/controller-config';
import { AppInstanceAuthenticator } from './app-instance.authenticator';
import { Authenticator } from './authenticator';
import { BasicAuthAuthenticator, bcryptCheck, plainCheck } from './basic-auth.authenticator';
import { parseCachingPolicy } from './caching-policy';
import { ClusterSecretAuthenticator } from './cluster-secret.authenticator';
import { CompositeAuthenticator } from './composite.authenticator';
import { USER_ROLES } from './drove-role';
import { InstanceTokens } from './instance-token';
import { NoAuthAuthenticator } from './no-auth.authenticator';
import { VerificationCache } from './verification-cache';

/** The part of the controller config the HTTP edge's auth reads. */
export interface AuthSettings {
  userAuth: UserAuthConfig;
  clusterAuth: ClusterAuthConfig;
  instanceAuth: InstanceAuthConfig;
  options: ControllerOptions;
}

export const AUTH_SETTINGS = Symbol('AuthSettings');

export function defaultAuthSettings(): AuthSettings {
  return {
    userAuth: new UserAuthConfig(),
    clusterAuth: new ClusterAuthConfig(),
    instanceAuth: new InstanceAuthConfig(),
    options: new ControllerOptions(),
  };
}

export const INSTANCE_TOKENS = Symbol('InstanceTokens');

export const instanceTokensOf = (settings: AuthSettings): InstanceTokens =>
  new InstanceTokens(settings.instanceAuth.secret);

/**
 * Drove's chain: the cluster secret, then the app instance token, then basic auth when enabled or no-auth
 * otherwise. `now` drives the expiry of cached verifications.
 */
export function buildEdgeAuthenticator(settings: AuthSettings, now: () => number = Date.now): Authenticator {
  const { userAuth, clusterAuth } = settings;
  const cluster = new ClusterSecretAuthenticator(clusterAuth.secrets);
  const instance = new AppInstanceAuthenticator(instanceTokensOf(settings));
  if (!userAuth.enabled) return new CompositeAuthenticator([cluster, instance, new NoAuthAuthenticator()]);
  const users = userAuth.users.map((u) => ({
    username: u.username,
    password: u.password,
    role: USER_ROLES[u.role],
  }));
  const cache = new VerificationCache(parseCachingPolicy(userAuth.cachingPolicy), now);
  const check = userAuth.encoding === 'CRYPT' ? bcryptCheck : plainCheck;
  return new CompositeAuthenticator([cluster, instance, new BasicAuthAuthenticator(users, check, cache)]);
}
