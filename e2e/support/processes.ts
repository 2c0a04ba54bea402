import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Jest runs e2e files in parallel: each file owns its ports. Controllers: failover 4600/4610, config 4620,
// applications 4700/4710, controller-executor 4800 (executor 4820), lifecycle 4900 (executor 3900),
// tasks 5000 (executor 5020, host ports 45000-45099), executor-blacklist 4850 (executors 4860, 4870),
// local-services 5300-5399 (controller 5300, executors 5320, 5330 and 5340, host ports 45300-45389),
// numa-scenario 5200-5299 (controllers 5200/5210, executors 5220/5230, host ports 45200-45299),
// event-stream 5100-5199 (event-stream 5100/5110; router-nginx: controllers 5120/5140, executor 5130, nginx 5150;
// host ports 45100-45199), security 5400-5499 (instance-tokens: controller 5400, executor 5420; host ports
// 45400-45499), openapi-client 5500 (executor 5520, host ports 45500-45599; the range 5500-5599 is openapi's),
// controller-snapshots 5600-5699 (controllers 5600, 5610, 5620; host ports 45600-45699 reserved),
// drove-cli-contract 5700 (executor 5720, host ports 45700-45799), staleness 5800-5899 (controller 5800,
// executors 5820 and 5830, host ports 45800-45899), stale-data retention 5900-5999 (an int test's election port
// 5900), controller-ui 6000-6099 (controllers 6030/6040, executor 6050, host ports 46000-46099; port 6000 itself
// is on fetch's list of bad ports), cluster-scripts 6100-6199 (deploy/local's scripts: controllers 6100/6110,
// executor 6120, its own ZooKeeper 6190, host ports 46100-46199); 6300-6399 (host ports 46300-46399) is the hand
// check with the real drove-cli (apps/controller/README.md), which no test runs; container-ownership 6400-6499
// (apps/executor's int test: host ports 46400-46499); replace outcomes 6500-6599; task staleness 6700-6799
// (controller 6700, executor 6720, host ports 46700-46799).
export const repoRoot = resolve(__dirname, '..', '..');
export const zkConnect = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const logDir = join(repoRoot, '.local', 'e2e-logs');

/** Writes a config file for one process of a test under .local/e2e-logs and returns its path. */
export function writeConfig(name: string, yaml: string): string {
  mkdirSync(logDir, { recursive: true });
  const path = join(logDir, `${name}.yml`);
  writeFileSync(path, yaml);
  return path;
}

/** Starts a built app (`npm run build`) as its own process; its output goes to .local/e2e-logs/<name>.log. */
export function startApp(app: 'controller' | 'executor', name: string, args: string[]): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const main = join(repoRoot, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(logDir, `${name}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

export async function stopApp(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill(signal);
  // The apps force their own exit 10 s after SIGTERM; this only keeps a broken build from hanging the suite.
  const kill = setTimeout(() => child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(kill);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
