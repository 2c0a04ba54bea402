import { createHmac } from 'node:crypto';
import { InstanceTokens, nameUuid, tokenId } from './instance-token';

const CLAIMS = { appId: 'web-1', instanceId: 'AI-1', executorId: 'exec-a' };
const tokens = new InstanceTokens('the-secret', () => 1_700_000_000_123);

const part = (token: string, index: number) =>
  JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;

/** A token signed with the right secret over whatever header and payload a forger chose. */
function forged(header: object, payload: object, secret = 'the-secret'): string {
  const body = [header, payload].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('InstanceTokens', () => {
  it("mints Drove's HS256 JWT: its header and claims", () => {
    const token = tokens.issue(CLAIMS);
    expect(part(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(part(token, 1)).toEqual({
      iss: 'drove',
      aud: 'drove-application-instance',
      sub: 'drove-controller',
      jti: tokenId(CLAIMS),
      iat: 1_700_000_000,
      droveAppId: 'web-1',
      droveInstanceId: 'AI-1',
      droveExecutorId: 'exec-a',
    });
    expect(tokens.verify(token)).toEqual(CLAIMS);
  });

  it("derives jti as Java's UUID.nameUUIDFromBytes does", () => {
    // Java: UUID.nameUUIDFromBytes("test".getBytes()) -> 098f6bcd-4621-3373-8ade-4e832627b4f6
    expect(nameUuid('test')).toBe('098f6bcd-4621-3373-8ade-4e832627b4f6');
    expect(tokenId(CLAIMS)).toBe(nameUuid('web-1:AI-1:exec-a'));
  });

  const good = part(tokens.issue(CLAIMS), 1);
  const header = { alg: 'HS256', typ: 'JWT' };
  it.each([
    ['another secret', new InstanceTokens('other').issue(CLAIMS)],
    [
      'a payload swapped under the signature',
      swapPayload(tokens.issue(CLAIMS), { ...good, droveAppId: 'db-1' }),
    ],
    ['claims that do not match the jti', forged(header, { ...good, droveExecutorId: 'exec-b' })],
    ['another issuer', forged(header, { ...good, iss: 'someone' })],
    ['another audience', forged(header, { ...good, aud: 'drove-executor' })],
    ['another subject', forged(header, { ...good, sub: 'drove-executor' })],
    ['alg none', forged({ alg: 'none' }, good)],
    ['a missing claim', forged(header, { ...good, droveInstanceId: undefined })],
    ['no signature', tokens.issue(CLAIMS).split('.').slice(0, 2).join('.') + '.'],
    ['two parts', 'a.b'],
    ['garbage', 'not a token'],
    ['base64 of no JSON', forged(header, 'x' as unknown as object)],
  ])('refuses %s', (_, token) => {
    expect(tokens.verify(token)).toBeNull();
  });

  it('accepts an audience list, as JWT allows', () => {
    expect(tokens.verify(forged(header, { ...good, aud: ['x', 'drove-application-instance'] }))).toEqual(
      CLAIMS,
    );
  });
});

function swapPayload(token: string, payload: object): string {
  const [head, , signature] = token.split('.');
  return `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}
