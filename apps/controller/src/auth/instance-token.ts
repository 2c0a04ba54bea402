import { createHash, createHmac } from 'node:crypto';
import { secretEquals } from './secret-compare';

/** What an app instance token is bound to: the instance, its app and the executor it was started on. */
export interface InstanceTokenClaims {
  appId: string;
  instanceId: string;
  executorId: string;
}

// Drove's JWTApplicationInstanceTokenManager claims, so a token minted by either verifies with the same secret.
const ISSUER = 'drove';
const AUDIENCE = 'drove-application-instance';
const SUBJECT = 'drove-controller';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * HS256 JWTs for `DROVE_APP_INSTANCE_AUTH_TOKEN`, signed with `instanceAuth.secret`. As in Drove there is no
 * expiry: the token dies with its instance, because the sibling route checks that the instance is still active.
 */
export class InstanceTokens {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  issue(claims: InstanceTokenClaims): string {
    const payload = base64url(
      JSON.stringify({
        iss: ISSUER,
        aud: AUDIENCE,
        sub: SUBJECT,
        jti: tokenId(claims),
        iat: Math.floor(this.now() / 1000),
        droveAppId: claims.appId,
        droveInstanceId: claims.instanceId,
        droveExecutorId: claims.executorId,
      }),
    );
    return `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
  }

  /** The claims of a token this controller (or one with the same secret) signed; null for anything else. */
  verify(token: string): InstanceTokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts;
    if (!secretEquals(signature, this.sign(`${header}.${payload}`))) return null;
    const head = parseJson(header);
    const body = parseJson(payload);
    if (head?.alg !== 'HS256' || !body) return null;
    const audience = Array.isArray(body.aud) ? (body.aud as unknown[]) : [body.aud];
    if (body.iss !== ISSUER || body.sub !== SUBJECT || !audience.includes(AUDIENCE)) return null;
    const { droveAppId: appId, droveInstanceId: instanceId, droveExecutorId: executorId } = body;
    if (typeof appId !== 'string' || typeof instanceId !== 'string' || typeof executorId !== 'string')
      return null;
    const claims = { appId, instanceId, executorId };
    return body.jti === tokenId(claims) ? claims : null;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}

/** Drove's `jti`: the claims joined by `:`, as a name-based UUID. */
export const tokenId = ({ appId, instanceId, executorId }: InstanceTokenClaims): string =>
  nameUuid(`${appId}:${instanceId}:${executorId}`);

/** Java's `UUID.nameUUIDFromBytes`: an MD5 (version 3) UUID of the UTF-8 bytes, no namespace. */
export function nameUuid(name: string): string {
  const bytes = createHash('md5').update(name, 'utf8').digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x30;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
