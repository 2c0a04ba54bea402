import { ChildProcess } from 'node:child_process';
import { startApp, writeConfig, zkConnect } from './processes';

/**
 * Starts a built executor on 127.0.0.1:`port` (admin `port + 1`) in ZooKeeper namespace `nameSpace`. Its
 * containers carry `drove-ts.test=1` and `drove-ts.run=<run>` so a test removes exactly its own; host ports
 * come from `hostPorts`. `extra` lines are appended to its config (top-level YAML blocks).
 */
export function startExecutor(
  port: number,
  nameSpace: string,
  run: string,
  hostPorts: { from: number; to: number },
  extra: string[] = [],
  /** Drove's UNREADY wait for the leader's reserved local services (`options.awaitLocalServices`). */
  awaitLocalServices = false,
  /** More `options` keys, e.g. `{ refreshIntervalMs: 1000 }`. */
  options: Record<string, number | boolean> = {},
): ChildProcess {
  const name = `executor-${port}`;
  const more = Object.entries(options)
    .map(([key, value]) => `, ${key}: ${value}`)
    .join('');
  const config = writeConfig(
    name,
    [
      `server: { hostname: 127.0.0.1, port: ${port}, adminPort: ${port + 1}, bindAddress: 127.0.0.1 }`,
      `zookeeper: { connectionString: "${zkConnect}", nameSpace: ${nameSpace} }`,
      // This sandbox's dockerd may not raise the nofile rlimit to Drove's 470000.
      'docker: { stopGraceSeconds: 1, maxOpenFiles: 1024 }',
      `hostPorts: { from: ${hostPorts.from}, to: ${hostPorts.to} }`,
      `logs: { root: .local/e2e-logs/${name}-files }`,
      `options: { awaitLocalServices: ${awaitLocalServices}, containerLabels: { drove-ts.test: "1", drove-ts.run: "${run}" }${more} }`,
      ...extra,
    ].join('\n'),
  );
  return startApp('executor', name, ['--config', config]);
}
