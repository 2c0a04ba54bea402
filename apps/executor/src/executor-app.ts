import { Logger } from '@nestjs/common';
import { effectiveMaxOpenFiles, ownHardOpenFilesLimit } from './config/open-files-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { executorIdOf } from '@drove/domain';
import { applyExecutorOptions, discoverTopology } from '@drove/topology';
import { hostname as osHostname } from 'node:os';
import { createAdminServer } from './admin-server';
import { ExecutorMessageHandler } from './api/executor-message-handler';
import { containerCheckers } from './checks/checker-factory';
import { hollowCheckers } from './checks/hollow-checkers';
import { LeaderFinder } from './cluster/leader-finder';
import { nodeData } from './cluster/node-data';
import { NodeDataPublisher } from './cluster/node-data-publisher';
import { StateReporter } from './cluster/state-reporter';
import { ZooKeeperSession } from './cluster/zookeeper-session';
import { ExecutorConfig } from './config/executor-config';
import { HOST_CONFIG_SOURCES } from './containers/config-files';
import { ContainerLauncher } from './containers/container-launcher';
import { DEFAULT_HOST_SETTINGS } from './containers/container-request';
import { HostPortRange } from './containers/host-port-range';
import { isTcpPortFree } from './containers/port-probe';
import { ZombieReaper } from './containers/zombie-reaper';
import { Ownership, describeUnclaimed, unclaimedContainers } from './containers/container-ownership';
import { InstanceEngine } from './engine/instance-engine';
import { instanceLogFiles } from './engine/instance-log-file';
import { ResourceLocks } from './engine/resource-locks';
import { ExecutorModule } from './executor.module';
import { serveExecutorOpenApi } from './openapi/executor-document';
import { LogFileReader } from './logs/log-file-reader';
import { ContainerStatsObserver } from './metrics/container-stats-observer';
import { ExecutorMetrics } from './metrics/executor-metrics';
import { createContainerRuntime } from './runtime/container-runtime.factory';
import { ExecutorStateHolder } from './state/executor-state-holder';
import { awaitLocalServices, fetchReservedServices, healthyLocalServices } from './state/local-service-gate';

export interface RunningExecutor {
  executorId: string;
  stop(): Promise<void>;
}

const ZOMBIE_SCAN_MS = 30000;
// Drove's ContainerStatsObserver period.
const STATS_POLL_MS = 30000;

// Wires one executor from its config: container layer, engine, HTTP API, admin port, ZooKeeper liveness and
// the reports to the leader. Containers outlive the process: a restarted executor recovers them by label.
export async function startExecutor(config: ExecutorConfig): Promise<RunningExecutor> {
  const logger = new Logger('Executor');
  const { server, zookeeper, docker, resources, options } = config;
  const hostname = server.hostname ?? osHostname();
  const executorId = executorIdOf(hostname, server.port);
  const hollow = config.runtime.type === 'HOLLOW';
  const topology = resources.syntheticTopology
    ? await discoverTopology({ type: 'SYNTHETIC', description: resources.syntheticTopology })
    : await discoverTopology({ type: 'HWLOC' });
  const capacity = applyExecutorOptions(topology, {
    osCores: resources.osCores,
    exposedMemPercentage: resources.exposedMemPercentage,
    disableNumaPinning: resources.disableNumaPinning,
  });
  const metrics = new ExecutorMetrics();
  metrics.collectNodeMetrics();
  const runtime = metrics.timedRuntime(
    createContainerRuntime(
      hollow
        ? { type: 'HOLLOW', secondMs: config.runtime.hollowSecondMs, firstHostPort: config.hostPorts.from }
        : { type: 'DOCKER', socketPath: docker.socketPath, commandTimeoutMs: docker.commandTimeoutMs },
    ),
  );
  const launcher = new ContainerLauncher(runtime, {
    executorId,
    hostname,
    pullPolicy: docker.pullPolicy,
    cacheImages: docker.cacheImages,
    host: {
      ...DEFAULT_HOST_SETTINGS,
      numaPinning: !resources.disableNumaPinning,
      maxOpenFiles: effectiveMaxOpenFiles(docker.maxOpenFiles, ownHardOpenFilesLimit()),
      hostCpuset: resources.syntheticTopology
        ? { cpus: resources.syntheticHostCpus, memoryNodes: resources.syntheticHostMemoryNodes }
        : undefined,
    },
    executorEnv: process.env,
    configSources: HOST_CONFIG_SOURCES,
    // Hollow host ports are numbers, not sockets: the simulated engine hands them out itself.
    portRange: hollow
      ? undefined
      : new HostPortRange(config.hostPorts.from, config.hostPorts.to, isTcpPortFree),
    extraLabels: options.containerLabels,
    now: Date.now,
  });
  const locks = new ResourceLocks(capacity);
  const zk = new ZooKeeperSession(zookeeper.connectionString, zookeeper.sessionTimeoutMs);
  const root = `/${zookeeper.nameSpace}`;
  const leader = new LeaderFinder(zk, root);
  const secret = config.clusterAuth.secrets.find((s) => s.nodeType === 'EXECUTOR')?.secret ?? '';
  const stopping = new AbortController();
  let lastWait = '';
  const executor = new ExecutorStateHolder(
    options.awaitLocalServices
      ? () =>
          awaitLocalServices(
            {
              reserved: () => fetchReservedServices({ leader: () => leader.leader(), secret }),
              healthy: () => healthyLocalServices(engine.records()),
              onWaiting: (reason) => {
                if (reason !== lastWait) logger.log(reason);
                lastWait = reason;
              },
            },
            stopping.signal,
          )
      : undefined,
  );
  const reporter = new StateReporter({
    leader,
    secret,
    hostname,
    resources: () => locks.snapshot(executorId),
    onDropped: (record, reason) =>
      logger.warn(`report of ${record.info.instanceId} ${record.info.state} dropped: ${reason}`),
  });
  // Reads the engine only when it writes, by then the engine exists.
  const publisher = new NodeDataPublisher(
    zk,
    `${root}/executor/${hostname}-${server.port}`,
    () =>
      nodeData({
        hostname,
        port: server.port,
        resources: locks.snapshot(executorId),
        records: engine.records(),
        tags: resources.tags,
        executorState: executor.state,
        now: Date.now(),
      }),
    options.refreshIntervalMs,
    (err) => logger.warn(`node data not written: ${err.message}`),
  );
  const engine = new InstanceEngine({
    runtime,
    launcher,
    checkers: metrics.countingCheckers(hollow ? hollowCheckers(runtime) : containerCheckers(runtime)),
    locks,
    logFile: hollow ? () => undefined : instanceLogFiles(config.logs.root),
    stopGraceSeconds: docker.stopGraceSeconds,
    now: Date.now,
    onChange: (record) => {
      logger.log(`${record.info.instanceId} ${record.info.state}`);
      reporter.report(record);
      publisher.changed();
    },
  });
  executor.onChange(() => publisher.changed());

  const ownership: Ownership = {
    executorId,
    hostname,
    adoptOthers: options.adoptOtherExecutorContainers,
    scope: options.containerLabels,
  };
  const recovered = await engine.recover(ownership);
  const unclaimed = await unclaimedContainers(runtime, ownership);
  metrics.setUnclaimedContainers(unclaimed.length);
  describeUnclaimed(unclaimed).forEach((line) =>
    logger.warn(`${line} (recovered and reaped only with options.adoptOtherExecutorContainers)`),
  );
  // Not awaited: while UNREADY the executor must already take START_LOCAL_SERVICE_INSTANCE.
  executor.ready().catch(() => undefined);
  const app = await NestFactory.create<NestFastifyApplication>(
    ExecutorModule.create({
      handler: new ExecutorMessageHandler(engine, executor),
      logs: new LogFileReader(config.logs.root),
      secrets: config.clusterAuth.secrets.map((s) => s.secret),
    }),
    new FastifyAdapter(),
    { logger: ['error', 'warn', 'log'] },
  );
  serveExecutorOpenApi(app);
  await app.listen(server.port, server.bindAddress);
  metrics.observeInstances(() => engine.records());
  const stats = new ContainerStatsObserver(runtime, metrics.registry);
  const admin = createAdminServer(runtime, metrics.registry);
  await admin.listen({ port: server.adminPort, host: server.bindAddress });
  publisher.start();
  const reaper = new ZombieReaper(runtime, options.zombieGraceMs, Date.now, ownership);
  const scan = async () => {
    const gone = await reaper.reap(engine.knownInstanceIds());
    gone.forEach((z) => logger.warn(`zombie container ${z.name} removed`));
    metrics.setUnclaimedContainers((await unclaimedContainers(runtime, ownership)).length);
  };
  const reaping = setInterval(() => {
    scan().catch((err: Error) => logger.warn(`zombie scan failed: ${err.message}`));
  }, ZOMBIE_SCAN_MS);
  const polling = setInterval(() => {
    stats.poll(engine.healthyContainers()).catch((err: Error) => logger.warn(`docker stats: ${err.message}`));
  }, STATS_POLL_MS);
  logger.log(`executor ${executorId} (${hostname}:${server.port}) up, ${recovered} container(s) recovered`);

  return {
    executorId,
    stop: async () => {
      stopping.abort();
      clearInterval(reaping);
      clearInterval(polling);
      reporter.stop();
      await publisher.stop();
      await Promise.all([app.close(), admin.close()]);
      zk.close();
    },
  };
}
