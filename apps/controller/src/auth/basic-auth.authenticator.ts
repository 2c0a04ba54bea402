import { compare } from 'bcryptjs';
import type { IncomingHttpHeaders } from 'node:http';
import { Authenticator, headerValue } from './authenticator';
import { Principal } from './principal';
import { secretEquals } from './secret-compare';
import { VerificationCache } from './verification-cache';
import { DroveRole } from './drove-role';

export interface BasicUser {
  username: string;
  /** Plain text with encoding PLAIN, a bcrypt hash with CRYPT. */
  password: string;
  role: DroveRole;
}

export type PasswordCheck = (given: string, stored: string) => Promise<boolean>;

export const plainCheck: PasswordCheck = (given, stored) => Promise.resolve(secretEquals(given, stored));
export const bcryptCheck: PasswordCheck = (given, stored) => compare(given, stored);

/** `Authorization: Basic base64(user:password)` against the configured users. */
export class BasicAuthAuthenticator implements Authenticator {
  readonly challenge = 'Basic realm="drove"';
  private readonly users: ReadonlyMap<string, BasicUser>;
  /** Checked against for unknown names, so the time taken does not tell which user names exist. */
  private readonly decoy: string | undefined;

  constructor(
    users: readonly BasicUser[],
    private readonly check: PasswordCheck,
    private readonly cache: VerificationCache,
  ) {
    this.users = new Map(users.map((u) => [u.username, u]));
    this.decoy = users[0]?.password;
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const credentials = parseBasic(headerValue(headers, 'authorization'));
    if (!credentials) return null;
    const { username, password } = credentials;
    const cached = this.cache.get(username, password);
    if (cached) return cached;
    const user = this.users.get(username);
    if (!user) {
      if (this.decoy !== undefined) await this.check(password, this.decoy);
      return null;
    }
    if (!(await this.check(password, user.password))) return null;
    const principal: Principal = { name: user.username, role: user.role };
    this.cache.put(username, password, principal);
    return principal;
  }
}

function parseBasic(header: string | undefined): { username: string; password: string } | null {
  const match = header ? /^basic\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
