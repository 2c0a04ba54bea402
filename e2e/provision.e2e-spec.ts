import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const script = resolve(__dirname, '..', 'deploy', 'local', 'provision.sh');

function provision(env: Record<string, string>, asNobody = false) {
  const argv = ['bash', script];
  const command =
    asNobody && process.getuid?.() === 0
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv]
      : argv;
  const result = spawnSync(command[0], command.slice(1), {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deploy/local/provision.sh', () => {
  it('on a prepared machine finds every component and changes nothing', () => {
    const run = provision({});
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^provision: packages\s+found zookeeper, docker\.io, hwloc, busybox-static, nginx$/,
      ),
      expect.stringMatching(/^provision: dockerd\s+found running/),
      expect.stringMatching(/^provision: zookeeper\s+found running on 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^provision: image\s+found drove-test\/http-server:latest/),
      expect.stringMatching(/^provision: image\s+found drove-test\/task:latest/),
      expect.stringMatching(/^provision: done\s+/),
    ]);
  });

  it('not root and packages missing: names them and the install command, exits non-zero, writes nothing', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'drove-provision-'));
    const localDir = join(scratch, 'never-created');
    try {
      const run = provision(
        {
          // No /usr/sbin: dockerd is not found. A jar path that does not exist: ZooKeeper is not found.
          PATH: '/usr/local/bin:/usr/bin:/bin',
          ZOOKEEPER_JAR: join(scratch, 'no-such-zookeeper.jar'),
          DROVE_LOCAL_DIR: localDir,
        },
        true,
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('MISSING: zookeeper docker.io');
      expect(run.stderr).toContain('apt-get install -y zookeeper docker.io');
      expect(run.stdout).toBe('');
      expect(existsSync(localDir)).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
