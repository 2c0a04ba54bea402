import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { repoRoot, startApp, stopApp, waitFor, writeConfig, zkConnect } from './support/processes';
import { removeNamespace } from './support/cluster';

const main = join(repoRoot, 'dist', 'apps', 'controller', 'apps', 'controller', 'src', 'main.js');

function runController(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [main, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
}

describe('controller config at startup', () => {
  it('refuses to start on an invalid file, naming every bad field, exit code 2', () => {
    const config = writeConfig('controller-invalid', 'server:\n  port: 99999\nzookeeper:\n  namespace: x\n');
    const run = runController(['--config', config]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`drove controller: ${config}: invalid configuration`);
    expect(run.stderr).toContain('server.port: port must not be greater than 65535');
    expect(run.stderr).toContain('zookeeper.namespace: property namespace should not exist');
  });

  it('refuses a file that does not exist rather than running on defaults', () => {
    const run = runController([], { DROVE_CONTROLLER_CONFIG: '/nonexistent/controller.yml' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/nonexistent/controller.yml: cannot read the config file');
  });

  it('applies the userAuth block of the file: no credentials 401, a configured user 200', async () => {
    const namespace = `drove-e2e-auth-${randomUUID()}`;
    const config = writeConfig(
      'controller-auth',
      [
        'server: {hostname: 127.0.0.1, port: 4620, adminPort: 4621, bindAddress: 127.0.0.1}',
        `zookeeper: {connectionString: "${zkConnect}", nameSpace: ${namespace}, sessionTimeoutMs: 4000}`,
        'userAuth:',
        '  enabled: true',
        '  encoding: PLAIN',
        '  users:',
        '    - {username: guest, password: guest-pw, role: EXTERNAL_READ_ONLY}',
      ].join('\n'),
    );
    const controller = startApp('controller', 'controller-auth', ['--config', config]);
    const ping = (headers: Record<string, string>) =>
      fetch('http://127.0.0.1:4620/apis/v1/ping', { headers, signal: AbortSignal.timeout(2000) });
    try {
      const basic = `Basic ${Buffer.from('guest:guest-pw').toString('base64')}`;
      await waitFor('the controller to lead', async () =>
        (await ping({ authorization: basic })).status === 200 ? true : undefined,
      );
      const refused = await ping({});
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(
        (await ping({ authorization: `Basic ${Buffer.from('guest:nope').toString('base64')}` })).status,
      ).toBe(401);
    } finally {
      await stopApp(controller);
      await removeNamespace(namespace);
    }
  });
});
