import { executorIdOf } from '@drove/domain';
import { ControllerConfig } from '../../apps/controller/src/config/controller-config';
import { ExecutorConfig } from '../../apps/executor/src/config/executor-config';

/** What the cluster scripts need to know of the processes they start, read from those processes' own configs. */
export interface ClusterSettings {
  /** API base URLs of the controllers, in start order. */
  apis: string[];
  /** Client port of a ZooKeeper on this machine that provision.sh should ensure; null when it is elsewhere. */
  zkPort: number | null;
  /** The id the executor labels its containers with (`executorId` in `drove.instance.info`). */
  executorId: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

// A process bound to every interface is reached on loopback; one bound to an address only there.
function reachableHost(bindAddress: string): string {
  if (bindAddress === '0.0.0.0' || bindAddress === '::') return '127.0.0.1';
  return bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
}

function localZooKeeperPort(connectionString: string): number | null {
  const [first] = connectionString.split(',');
  const at = first.lastIndexOf(':');
  return LOOPBACK.has(first.slice(0, at)) ? Number(first.slice(at + 1)) : null;
}

export function clusterSettings(
  controllers: ControllerConfig[],
  executor: ExecutorConfig,
  machineHostname: string,
): ClusterSettings {
  return {
    apis: controllers.map((c) => `http://${reachableHost(c.server.bindAddress)}:${c.server.port}/apis/v1`),
    zkPort: localZooKeeperPort(controllers[0].zookeeper.connectionString),
    // The executor's own rule (executor-app.ts): its configured hostname, else the machine's.
    executorId: executorIdOf(executor.server.hostname ?? machineHostname, executor.server.port),
  };
}

/** Bash assignments (`apis` an array) for `eval` in the scripts. */
export function shellAssignments(settings: ClusterSettings): string {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    `apis=(${settings.apis.map(quote).join(' ')})`,
    `zk_port=${settings.zkPort ?? ''}`,
    `executor_id=${quote(settings.executorId)}`,
  ].join('\n');
}
