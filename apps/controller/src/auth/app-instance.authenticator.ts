import type { IncomingHttpHeaders } from 'node:http';
import { Authenticator, headerValue } from './authenticator';
import { InstanceTokens } from './instance-token';
import { Principal } from './principal';

export const APP_INSTANCE_AUTH_HEADER = 'app-instance-authorization';

/**
 * Drove's second scheme: `App-Instance-Authorization: <the instance's token>`. A valid signature only says who
 * the token was minted for; whether that instance is still alive is the sibling route's question.
 */
export class AppInstanceAuthenticator implements Authenticator {
  constructor(private readonly tokens: InstanceTokens) {}

  authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const token = headerValue(headers, APP_INSTANCE_AUTH_HEADER);
    const claims = token ? this.tokens.verify(token.trim()) : null;
    if (!claims) return Promise.resolve(null);
    return Promise.resolve({
      name: `${claims.appId}:${claims.instanceId}`,
      role: 'DROVE_APPLICATION_INSTANCE',
      instance: claims,
    });
  }
}
