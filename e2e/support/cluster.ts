import { connectZooKeeper, removeTree } from '../../apps/controller/src/zookeeper/zookeeper-calls';
import { DockerContainerRuntime } from '../../apps/executor/src/runtime/docker/docker-container-runtime';
import { removeRunContainers } from '../../apps/executor/src/testing/run-containers.fixture';
import { ChildProcess } from 'node:child_process';
import { localClient, ping, startController } from './controllers';
import { startExecutor } from './executors';
import { stopApp, waitFor, zkConnect } from './processes';

/** Removes a test's ZooKeeper namespace (`/<namespace>` and everything under it). */
export async function removeNamespace(namespace: string): Promise<void> {
  const admin = await connectZooKeeper(zkConnect, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
  try {
    await removeTree(admin, `/${namespace}`);
  } finally {
    admin.close();
  }
}

/** Waits until the controller on `port` leads and lists at least one ACTIVE executor. */
export async function waitForActiveExecutor(port: number): Promise<void> {
  await waitFor('the controller to lead', async () => ((await ping(port)) === 200 ? true : undefined));
  const client = localClient(port);
  await waitFor('an ACTIVE executor', async () => {
    const { data } = await client.GET('/apis/v1/cluster/executors', { signal: AbortSignal.timeout(5000) });
    return data?.data?.some((e) => e.state === 'ACTIVE') ? true : undefined;
  });
}

/** Removes what a test run left: its containers (label `drove-ts.run=<run>`) and its ZooKeeper namespace. */
export async function removeRun(namespace: string, run: string): Promise<void> {
  await removeRunContainers(new DockerContainerRuntime(), run);
  await removeNamespace(namespace);
}

/** The processes of a test file with one controller and one executor; a test may replace `executor` (restarts). */
export interface ControllerAndExecutor {
  controller: ChildProcess;
  executor: ChildProcess;
}

/**
 * Registers the test file's beforeAll (start a controller and an executor, wait until the executor is ACTIVE) and
 * afterAll (stop both, remove the run's containers and namespace). Call it inside the `describe`.
 */
export function withControllerAndExecutor(
  ports: { controller: number; executor: number; hostPorts: { from: number; to: number } },
  namespace: string,
  run: string,
  /** Lines appended to the controller's config; more executor `options` keys. */
  extra: { controller?: string[]; executorOptions?: Record<string, number | boolean> } = {},
): ControllerAndExecutor {
  const processes = {} as ControllerAndExecutor;
  beforeAll(async () => {
    processes.controller = startController(ports.controller, namespace, extra.controller);
    processes.executor = startExecutor(
      ports.executor,
      namespace,
      run,
      ports.hostPorts,
      [],
      false,
      extra.executorOptions,
    );
    await waitForActiveExecutor(ports.controller);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([stopApp(processes.executor), stopApp(processes.controller)]);
    await removeRun(namespace, run);
  });
  return processes;
}
