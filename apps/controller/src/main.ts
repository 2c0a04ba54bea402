import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { hostname } from 'node:os';
import { ControllerModule } from './controller.module';
import { LeaderElection } from './leadership/leader-election';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Controller');
  const port = Number(process.env.DROVE_CONTROLLER_PORT ?? 4000);
  const host = process.env.DROVE_CONTROLLER_HOSTNAME ?? hostname();
  const election = new LeaderElection({
    connectString: process.env.DROVE_ZK_CONNECT ?? '127.0.0.1:2181',
    root: `/${process.env.DROVE_ZK_NAMESPACE ?? 'drove'}`,
    candidate: { hostname: host, port, transportType: 'HTTP' },
    sessionTimeoutMs: Number(process.env.DROVE_ZK_SESSION_TIMEOUT_MS ?? 30000),
    onError: (err) => logger.error(`leader election: ${err instanceof Error ? err.message : String(err)}`),
  });
  election.onChange((change) => logger.log(`leadership: ${change.state}`));
  const app = await NestFactory.create<NestFastifyApplication>(
    ControllerModule.create(election),
    new FastifyAdapter(),
  );
  app.enableShutdownHooks();
  // As in Drove, stand for election only once the API can answer, so a new leader is reachable at once.
  await app.listen(port, '0.0.0.0');
  await election.start();
  logger.log(`API on port ${port}, candidate ${host}:${port}`);
  const stop = async () => {
    await election.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void bootstrap();
