import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, writeConfig } from './support/processes';

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
});
