import Fastify, { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { ContainerRuntime } from './runtime/container-runtime.port';

// The admin port as Drove's Dropwizard admin connector serves it: `/ping`, `/healthcheck` (check
// `docker-engine`, 500 when the engine does not answer) and `/metrics` (Prometheus text format).
export function createAdminServer(runtime: ContainerRuntime, metrics: Registry): FastifyInstance {
  const admin = Fastify();
  admin.get('/ping', async (_, reply) => reply.type('text/plain').send('pong\n'));
  admin.get('/healthcheck', async (_, reply) => {
    const docker = await runtime.ping().catch(() => false);
    return reply.status(docker ? 200 : 500).send({ 'docker-engine': { healthy: docker } });
  });
  admin.get('/metrics', async (_, reply) => reply.type(metrics.contentType).send(await metrics.metrics()));
  return admin;
}
