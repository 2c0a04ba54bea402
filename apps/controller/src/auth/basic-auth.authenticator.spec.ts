import { hashSync } from 'bcryptjs';
import { BasicAuthAuthenticator, bcryptCheck, PasswordCheck, plainCheck } from './basic-auth.authenticator';
import { VerificationCache } from './verification-cache';

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

function counting(check: PasswordCheck): PasswordCheck & { calls: number } {
  const counted = Object.assign(
    (given: string, stored: string) => {
      counted.calls += 1;
      return check(given, stored);
    },
    { calls: 0 },
  );
  return counted;
}

describe('BasicAuthAuthenticator', () => {
  const cases = [
    ['PLAIN', plainCheck, 'admin-pw'],
    ['CRYPT', bcryptCheck, hashSync('admin-pw', 4)],
  ] as const;

  describe.each(cases)('with encoding %s', (_, check, stored) => {
    const make = () =>
      new BasicAuthAuthenticator(
        [{ username: 'admin', password: stored, role: 'DROVE_EXTERNAL_READ_WRITE' }],
        check,
        new VerificationCache({ maximumSize: 10 }),
      );

    it('authenticates the right password as the user with its role', async () => {
      await expect(make().authenticate(basic('admin', 'admin-pw'))).resolves.toEqual({
        name: 'admin',
        role: 'DROVE_EXTERNAL_READ_WRITE',
      });
    });

    it.each([
      ['a wrong password', basic('admin', 'nope')],
      ['an unknown user', basic('eve', 'admin-pw')],
      ['no header', {}],
      ['another scheme', { authorization: 'Bearer abc' }],
      ['no colon', { authorization: `Basic ${Buffer.from('admin').toString('base64')}` }],
    ])('refuses %s', async (_case, headers) => {
      await expect(make().authenticate(headers)).resolves.toBeNull();
    });
  });

  it('accepts a password containing colons and a lower-case scheme', async () => {
    const auth = new BasicAuthAuthenticator(
      [{ username: 'u', password: 'a:b:c', role: 'DROVE_EXTERNAL_READ_ONLY' }],
      plainCheck,
      new VerificationCache({ maximumSize: 10 }),
    );
    const headers = { authorization: `basic ${Buffer.from('u:a:b:c').toString('base64')}` };
    await expect(auth.authenticate(headers)).resolves.toMatchObject({ name: 'u' });
  });

  it('runs bcrypt once per credentials and keeps no password in the cache', async () => {
    const check = counting(bcryptCheck);
    const cache = new VerificationCache({ maximumSize: 10 });
    const auth = new BasicAuthAuthenticator(
      [{ username: 'admin', password: hashSync('s3cret-pw', 4), role: 'DROVE_EXTERNAL_ROOT' }],
      check,
      cache,
    );
    for (let i = 0; i < 3; i++) await auth.authenticate(basic('admin', 's3cret-pw'));
    await auth.authenticate(basic('admin', 'wrong'));
    await auth.authenticate(basic('admin', 'wrong'));
    expect(check.calls).toBe(3);
    expect(cache.size).toBe(1);
    expect(cache.keys().join()).not.toMatch(/admin|s3cret/);
  });

  it('checks a decoy for unknown users, so timing does not reveal which names exist', async () => {
    const check = counting(plainCheck);
    const auth = new BasicAuthAuthenticator(
      [{ username: 'admin', password: 'pw', role: 'DROVE_EXTERNAL_ROOT' }],
      check,
      new VerificationCache({ maximumSize: 10 }),
    );
    await expect(auth.authenticate(basic('ghost', 'pw'))).resolves.toBeNull();
    expect(check.calls).toBe(1);
  });
});
