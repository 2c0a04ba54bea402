import { Logger, LoggerService } from '@nestjs/common';
import { UserConfig } from '../config/controller-config';
import { AuthModeAnnouncer } from './auth-mode.announcer';
import { AuthSettings, defaultAuthSettings } from './auth-settings';

function announced(change: (settings: AuthSettings) => void): string {
  const lines: string[] = [];
  const capture: LoggerService = {
    log: (m: unknown) => lines.push(`LOG ${String(m)}`),
    warn: (m: unknown) => lines.push(`WARN ${String(m)}`),
    error: (m: unknown) => lines.push(`ERROR ${String(m)}`),
  };
  Logger.overrideLogger(capture);
  const settings = defaultAuthSettings();
  change(settings);
  new AuthModeAnnouncer(settings).onApplicationBootstrap();
  return lines.join('\n');
}

const user = (username: string, password: string) =>
  Object.assign(new UserConfig(), { username, password, role: 'EXTERNAL_ROOT' });

describe('AuthModeAnnouncer', () => {
  afterAll(() => Logger.overrideLogger(false));

  it('warns loudly in no-auth mode, about ignored users, and about default cluster and instance secrets', () => {
    const out = announced((s) => s.userAuth.users.push(user('admin', 'pw')));
    expect(out).toContain('WARN *** NO AUTHENTICATION');
    expect(out).toContain('userAuth lists 1 user(s) but enabled is false');
    expect(out).toContain("clusterAuth uses Drove's published default secrets");
    expect(out).toContain("WARN instanceAuth.secret is Drove's published default");
  });

  it('names users and roles but never their passwords, and spots hashes under encoding PLAIN', () => {
    const out = announced((s) => {
      Object.assign(s.userAuth, {
        enabled: true,
        encoding: 'PLAIN',
        users: [user('alice', 'pw-1'), user('bob', '$2y$10$xyz')],
      });
      s.clusterAuth.secrets.forEach((secret, i) => (secret.secret = `own-secret-${i}`));
      s.instanceAuth.secret = 'own-instance-secret';
    });
    expect(out).toContain('LOG basic auth on, passwords PLAIN: alice (EXTERNAL_ROOT), bob (EXTERNAL_ROOT)');
    expect(out).toContain('the passwords of bob look like bcrypt hashes');
    expect(out).not.toMatch(
      /pw-1|\$2y\$10|own-secret|own-instance-secret|NO AUTHENTICATION|published default/,
    );
  });
});
