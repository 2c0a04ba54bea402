import { problemValidator } from './problem-validator';

/** `$2a$`, `$2b$` or `$2y$`, a two-digit cost, then 22 characters of salt and 31 of hash. */
const BCRYPT_HASH = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

interface UserListOwner {
  enabled: boolean;
  encoding: string;
}

function problem(users: unknown, owner: UserListOwner): string | null {
  if (!Array.isArray(users)) return 'must be a list';
  if (owner.enabled && users.length === 0) return 'must list at least one user when enabled';
  if (owner.encoding !== 'CRYPT') return null;
  const plain = users.findIndex((u: { password?: unknown }) => !BCRYPT_HASH.test(String(u?.password)));
  // Names the entry, never the value: the value may be a real password typed in by mistake.
  return plain < 0
    ? null
    : `${plain}.password is not a bcrypt hash ($2a$, $2b$ or $2y$); hash it (npx bcryptjs '<password>' 10) or ` +
        'set userAuth.encoding: PLAIN';
}

/**
 * The cross-field rules of `userAuth.users`: enabled auth with nobody allowed in is a mistake, and with encoding
 * CRYPT a plain text password is refused rather than compared as if it were a hash (it would never match).
 */
export function IsUserListUsable(): PropertyDecorator {
  return problemValidator('isUserListUsable', (users, owner) => problem(users, owner as UserListOwner));
}
