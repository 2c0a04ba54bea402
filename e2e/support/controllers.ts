import { ChildProcess } from 'node:child_process';
import { createDroveClient, DroveClient } from '@drove/client';
import { startApp, writeConfig, zkConnect } from './processes';

/**
 * Starts a built controller on 127.0.0.1:`port` (admin `port + 1`) in ZooKeeper namespace `nameSpace`; `extraYaml`
 * lines are appended to its config. `hostname` is how it names itself (in leadership events, among others).
 */
export function startController(
  port: number,
  nameSpace: string,
  extraYaml: string[] = [],
  hostname = '127.0.0.1',
): ChildProcess {
  const name = `controller-${port}`;
  const config = writeConfig(
    name,
    [
      'server:',
      `  hostname: ${hostname}`,
      `  port: ${port}`,
      `  adminPort: ${port + 1}`,
      '  bindAddress: 127.0.0.1',
      'zookeeper:',
      `  connectionString: ${zkConnect}`,
      `  nameSpace: ${nameSpace}`,
      '  sessionTimeoutMs: 4000',
      ...extraYaml,
    ].join('\n'),
  );
  return startApp('controller', name, ['--config', config]);
}

/** The typed client (libs/client) of the controller on 127.0.0.1:`port`, without credentials. */
export const localClient = (port: number): DroveClient =>
  createDroveClient({ baseUrl: `http://127.0.0.1:${port}` });

export async function ping(port: number): Promise<number> {
  const { response } = await localClient(port).GET('/apis/v1/ping', { signal: AbortSignal.timeout(2000) });
  return response.status;
}

/** The port answering ping with 200 while every other controller answers 400, as drove-gateway expects. */
export async function soleLeader(candidates: number[]): Promise<number | undefined> {
  const codes = await Promise.all(candidates.map(ping));
  const leaders = candidates.filter((_, i) => codes[i] === 200);
  return leaders.length === 1 && codes.every((c) => c === 200 || c === 400) ? leaders[0] : undefined;
}
