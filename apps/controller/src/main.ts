import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { hostname } from 'node:os';
import { createAdminServer } from './admin/admin-server';
import { ControllerConfig } from './config/controller-config';
import { ConfigError, readConfigFile } from '@drove/config';
import { ControllerModule } from './controller.module';
import { openControllerEventStore } from './event-store/open-controller-event-store';
import { ExecutorDiscovery } from './executors/executor-discovery';
import { ExecutorRegistry } from './executors/executor-registry';
import { ExecutorReportsHandler } from './messaging/executor-reports.handler';
import { HttpExecutorMessenger } from './messaging/http-executor-messenger';
import { LeaderElection } from './leadership/leader-election';
import { ControllerMetrics } from './metrics/controller-metrics';
import { serveOpenApi } from './openapi/serve-openapi';
import { durationMs } from './retention/retention.config';
import { clusterOptionsSettingsOf } from './cluster-options/cluster-options.config';
import { ignoredOptionsSet } from './cluster-options/ignored-options';

const SHUTDOWN_GRACE_MS = 10000;

async function bootstrap(config: ControllerConfig): Promise<void> {
  const logger = new Logger('Controller');
  for (const key of ignoredOptionsSet(config.options)) {
    logger.warn(`options.${key} is accepted for Drove compatibility and has no effect here`);
  }
  const { server, zookeeper } = config;
  const host = server.hostname ?? hostname();
  const election = new LeaderElection({
    connectString: zookeeper.connectionString,
    root: `/${zookeeper.nameSpace}`,
    candidate: { hostname: host, port: server.port, transportType: 'HTTP' },
    sessionTimeoutMs: zookeeper.sessionTimeoutMs,
    onError: (err) => logger.error(`leader election: ${err instanceof Error ? err.message : String(err)}`),
  });
  election.onChange((change) => logger.log(`leadership: ${change.state}`));
  const store = await openControllerEventStore({
    ...zookeeper,
    onError: (err) => logger.error(`event store: ${err instanceof Error ? err.message : String(err)}`),
  });
  // Appends stay fenced by the election's znode meanwhile; the views re-subscribe once the new session is open.
  store.onSessionExpired(() => logger.warn('event store: ZooKeeper session expired, opening a new one'));
  const controllerSecret = config.clusterAuth.secrets.find((s) => s.nodeType === 'CONTROLLER');
  const messenger = new HttpExecutorMessenger({ secret: controllerSecret?.secret ?? '', nodeId: host });
  const app = await NestFactory.create<NestFastifyApplication>(
    ControllerModule.create({
      election,
      store,
      auth: config,
      hostname: host,
      messenger,
      executorCredentials: { secret: controllerSecret?.secret ?? '', nodeId: host },
      audit: config.audit,
      timings: config.options,
      snapshots: config.snapshots,
      retention: config.options,
      limits: config.limits,
      eventStream: config.eventStream,
      clusterOptions: clusterOptionsSettingsOf(config.options),
      eventsFeed: config.eventsFeed,
      staleness: {
        instanceStalenessMs: config.options.instanceStalenessMs,
        staleExecutorAgeMs: durationMs(config.options.staleExecutorAge),
      },
    }),
    new FastifyAdapter({ bodyLimit: config.limits.maxRequestBodyBytes }),
  );
  const registry = app.get(ExecutorRegistry);
  const reports = app.get(ExecutorReportsHandler);
  const discovery = new ExecutorDiscovery(
    {
      update: (data) =>
        void reports
          .snapshot(data, 'zookeeper')
          .catch((err: unknown) => logger.warn(`snapshot: ${String(err)}`)),
      remove: (executorId, at) => registry.remove(executorId, at),
    },
    {
      ...zookeeper,
      root: `/${zookeeper.nameSpace}`,
      connectTimeoutMs: 15000,
      now: () => Date.now(),
      onError: (err) =>
        logger.error(`executor discovery: ${err instanceof Error ? err.message : String(err)}`),
    },
  );
  const metrics = app.get(ControllerMetrics);
  metrics.collectNodeMetrics();
  const admin = createAdminServer({ zookeeper: () => election.state !== 'SUSPENDED' }, metrics.registry);
  serveOpenApi(app);
  // As in Drove, stand for election only once the API can answer, so a new leader is reachable at once.
  await app.listen(server.port, server.bindAddress);
  await admin.listen({ port: server.adminPort, host: server.bindAddress });
  await discovery.start();
  await election.start();
  logger.log(`API on port ${server.port}, admin on ${server.adminPort}, candidate ${host}:${server.port}`);
  const stop = async () => {
    discovery.stop();
    await election.stop();
    await Promise.all([app.close(), admin.close()]);
    await store.close();
  };
  const shutdown = (signal: string) => {
    logger.log(`${signal}: shutting down`);
    // A stop stuck on a dead peer must not keep the process (and its ports) alive under a supervisor.
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${SHUTDOWN_GRACE_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

function start(): void {
  let config: ControllerConfig;
  try {
    config = readConfigFile(ControllerConfig, process.argv, process.env, 'DROVE_CONTROLLER_CONFIG');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`drove controller: ${err.message}\n`);
    process.exit(2);
  }
  bootstrap(config).catch((err: unknown) => {
    process.stderr.write(
      `drove controller: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  });
}

start();
