import { AuthSettings, defaultAuthSettings } from '../auth/auth-settings';
import { InstanceTokens } from '../auth/instance-token';
import { UserConfig } from '../config/controller-config';

export const basic = (username: string, password: string): Record<string, string> => ({
  authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
});

const INSTANCE_SECRET = 'test-instance-secret';

/** One caller of each kind the edge knows, and the credentials it presents. */
export const CALLERS = {
  nobody: {},
  wrongPassword: basic('rw', 'not-the-password'),
  root: basic('root', 'root-pw'),
  readWrite: basic('rw', 'rw-pw'),
  maintenance: basic('maint', 'maint-pw'),
  readOnly: basic('ro', 'ro-pw'),
  executor: { 'cluster-authorization': 'DefaultExecutorSecret', nodeid: 'exec-1' },
  appInstance: {
    'app-instance-authorization': new InstanceTokens(INSTANCE_SECRET).issue({
      appId: 'mini-1',
      instanceId: 'AI-1',
      executorId: 'exec-1-id',
    }),
  },
} satisfies Record<string, Record<string, string>>;

export type Caller = keyof typeof CALLERS;

/** Basic auth (PLAIN) with one user per external role, as `CALLERS` names them. */
export function basicAuthSettings(disableReadAuth = false): AuthSettings {
  const auth = defaultAuthSettings();
  const users = [
    ['root', 'EXTERNAL_ROOT'],
    ['rw', 'EXTERNAL_READ_WRITE'],
    ['maint', 'DROVE_EXTERNAL_MAINTENANCE'],
    ['ro', 'EXTERNAL_READ_ONLY'],
  ].map(([username, role]) =>
    Object.assign(new UserConfig(), { username, password: `${username}-pw`, role }),
  );
  Object.assign(auth.userAuth, { enabled: true, encoding: 'PLAIN', users });
  auth.instanceAuth.secret = INSTANCE_SECRET;
  auth.options.disableReadAuth = disableReadAuth;
  return auth;
}
