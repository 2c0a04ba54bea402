import Fastify, { FastifyInstance } from 'fastify';
import { ContainerRuntime } from './runtime/container-runtime.port';

// The admin port as Drove's Dropwizard admin connector serves it: `/ping`, and `/healthcheck` (500 when the
// container engine does not answer).
export function createAdminServer(runtime: ContainerRuntime): FastifyInstance {
  const admin = Fastify();
  admin.get('/ping', async (_, reply) => reply.type('text/plain').send('pong\n'));
  admin.get('/healthcheck', async (_, reply) => {
    const docker = await runtime.ping().catch(() => false);
    return reply.status(docker ? 200 : 500).send({ docker: { healthy: docker } });
  });
  return admin;
}
