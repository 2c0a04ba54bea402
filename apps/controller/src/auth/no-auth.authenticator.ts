import { Authenticator } from './authenticator';
import { Principal } from './principal';

export const DEFAULT_USER: Principal = { name: 'default-user', role: 'DROVE_EXTERNAL_ROOT' };

/** Drove's no-auth mode for starter clusters: whoever gets this far is `default-user` with the root role. */
export class NoAuthAuthenticator implements Authenticator {
  authenticate(): Promise<Principal | null> {
    return Promise.resolve(DEFAULT_USER);
  }
}
