import Fastify, { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';

export interface AdminChecks {
  /** Name -> healthy; a failing check makes /healthcheck answer 500, which is what supervisors probe. */
  [name: string]: () => boolean;
}

/** The admin port as Drove's Dropwizard admin connector serves it: `/ping`, `/healthcheck`, `/metrics` (Prometheus). */
export function createAdminServer(checks: AdminChecks, metrics?: Registry): FastifyInstance {
  const admin = Fastify();
  admin.get('/ping', async (_, reply) => reply.type('text/plain').send('pong\n'));
  admin.get('/healthcheck', async (_, reply) => {
    const results = Object.fromEntries(
      Object.entries(checks).map(([name, check]) => [name, { healthy: check() }]),
    );
    const healthy = Object.values(results).every((r) => r.healthy);
    return reply.status(healthy ? 200 : 500).send(results);
  });
  if (metrics)
    admin.get('/metrics', async (_, reply) => reply.type(metrics.contentType).send(await metrics.metrics()));
  return admin;
}
