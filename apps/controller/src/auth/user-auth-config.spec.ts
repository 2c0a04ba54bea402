import { ControllerConfig } from '../config/controller-config';
import { ConfigError, parseConfig } from '@drove/config';
import { parseCachingPolicy } from './caching-policy';

const HASH = '$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
const parse = (yaml: string | null) => parseConfig(ControllerConfig, yaml, 'c.yml', {});
const users = (...lines: string[]) => `  users:\n${lines.map((l) => `    - ${l}\n`).join('')}`;

describe('userAuth and options config', () => {
  it('defaults to no-auth mode with Drove caching policy and read auth on', () => {
    const config = parse(null);
    expect(config.userAuth).toMatchObject({ enabled: false, encoding: 'CRYPT', users: [] });
    expect(parseCachingPolicy(config.userAuth.cachingPolicy)).toEqual({
      maximumSize: 500,
      expireAfterAccessMs: 1_800_000,
    });
    expect(config.options.disableReadAuth).toBe(false);
  });

  it('accepts a Drove CRYPT block with every user role spelling', () => {
    const config = parse(
      'userAuth:\n  enabled: true\n  encoding: CRYPT\n' +
        users(
          `{username: a, password: "${HASH}", role: EXTERNAL_ROOT}`,
          `{username: b, password: "${HASH}", role: EXTERNAL_READ_WRITE}`,
          `{username: c, password: "${HASH}", role: DROVE_EXTERNAL_MAINTENANCE}`,
          `{username: d, password: "${HASH}", role: EXTERNAL_MAINTENANCE}`,
          `{username: e, password: "${HASH}", role: EXTERNAL_READ_ONLY}`,
        ),
    );
    expect(config.userAuth.users.map((u) => u.username)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it.each([
    [
      'a role that is not a user role',
      'userAuth:\n  enabled: true\n' + users('{username: a, password: p, role: CLUSTER_NODE}'),
      'userAuth.users.0.role: role must be one of the following values: EXTERNAL_ROOT, EXTERNAL_READ_WRITE',
    ],
    [
      'a misspelt role, even with auth disabled',
      'userAuth:\n' + users('{username: a, password: p, role: ROOT}'),
      'userAuth.users.0.role: role must be one of the following values',
    ],
    [
      'a plain text password with encoding CRYPT',
      'userAuth:\n  enabled: true\n  encoding: CRYPT\n' +
        users(
          `{username: a, password: "${HASH}", role: EXTERNAL_ROOT}`,
          '{username: b, password: hunter2, role: EXTERNAL_ROOT}',
        ),
      'userAuth.users: 1.password is not a bcrypt hash ($2a$, $2b$ or $2y$); hash it',
    ],
    [
      'a plain text password with no encoding given (CRYPT is the default)',
      'userAuth:\n  enabled: true\n' + users('{username: a, password: hunter2, role: EXTERNAL_ROOT}'),
      "userAuth.users: 0.password is not a bcrypt hash ($2a$, $2b$ or $2y$); hash it (npx bcryptjs '<password>' 10) or set userAuth.encoding: PLAIN",
    ],
    [
      'enabled with nobody listed',
      'userAuth:\n  enabled: true\n',
      'userAuth.users: must list at least one user when enabled',
    ],
    [
      'a username listed twice',
      'userAuth:\n' +
        users(
          '{username: a, password: p, role: EXTERNAL_ROOT}',
          '{username: a, password: q, role: EXTERNAL_ROOT}',
        ),
      'userAuth.users: has a username listed twice',
    ],
    [
      'a username over 255 characters',
      'userAuth:\n' + users(`{username: ${'u'.repeat(256)}, password: p, role: EXTERNAL_ROOT}`),
      'userAuth.users.0.username: username must be shorter than or equal to 255 characters',
    ],
    [
      'an unknown encoding',
      'userAuth:\n  encoding: SHA1\n',
      'userAuth.encoding: encoding must be one of the following values: PLAIN, CRYPT',
    ],
    [
      'enabled that is not a boolean',
      'userAuth:\n  enabled: yes please\n',
      'userAuth.enabled: enabled must be a boolean value',
    ],
    [
      'a bad caching policy',
      'userAuth:\n  cachingPolicy: "maximumSize=lots"\n',
      'userAuth.cachingPolicy: unsupported caching policy entry "maximumSize=lots"',
    ],
    [
      'an unknown option',
      'options:\n  disableReadAuthz: true\n',
      'options.disableReadAuthz: property disableReadAuthz should not exist',
    ],
  ])('rejects %s, naming the field', (_, yaml, expected) => {
    expect(() => parse(yaml)).toThrow(ConfigError);
    expect(() => parse(yaml)).toThrow(expected);
  });

  it('never puts a password into an error message', () => {
    const rejected = () =>
      parse(
        'userAuth:\n  enabled: true\n  encoding: CRYPT\n' +
          users('{username: a, password: hunter2, role: NOPE}'),
      );
    expect(rejected).toThrow(ConfigError);
    expect(rejected).toThrow(/^(?![\s\S]*hunter2)/);
  });
});

describe('caching policy', () => {
  it.each([
    ['maximumSize=10, expireAfterWrite=2h', { maximumSize: 10, expireAfterWriteMs: 7_200_000 }],
    [
      'expireAfterAccess=45s, recordStats, initialCapacity=5',
      { maximumSize: 500, expireAfterAccessMs: 45_000 },
    ],
  ])('reads %s', (spec, expected) => {
    expect(parseCachingPolicy(spec)).toEqual(expected);
  });

  it.each(['softValues', 'expireAfterAccess=30', 'maximumSize=-1'])('refuses %s', (spec) => {
    expect(() => parseCachingPolicy(spec)).toThrow(/caching policy entry|needs a duration/);
  });
});
