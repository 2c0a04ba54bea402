import type { IncomingHttpHeaders } from 'node:http';
import { Authenticator } from './authenticator';
import { Principal } from './principal';

/** Tries each scheme in order, first principal wins; when all fail, the last one's challenge is sent (as Drove). */
export class CompositeAuthenticator implements Authenticator {
  readonly challenge?: string;

  constructor(private readonly schemes: readonly Authenticator[]) {
    this.challenge = schemes.at(-1)?.challenge;
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    for (const scheme of this.schemes) {
      const principal = await scheme.authenticate(headers);
      if (principal) return principal;
    }
    return null;
  }
}
