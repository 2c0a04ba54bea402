import Fastify, { FastifyInstance } from 'fastify';

export interface AdminChecks {
  /** Name -> healthy; a failing check makes /healthcheck answer 500, which is what supervisors probe. */
  [name: string]: () => boolean;
}

/** The admin port as Drove's Dropwizard admin connector serves it: `/ping` and `/healthcheck`. */
export function createAdminServer(checks: AdminChecks): FastifyInstance {
  const admin = Fastify();
  admin.get('/ping', async (_, reply) => reply.type('text/plain').send('pong\n'));
  admin.get('/healthcheck', async (_, reply) => {
    const results = Object.fromEntries(
      Object.entries(checks).map(([name, check]) => [name, { healthy: check() }]),
    );
    const healthy = Object.values(results).every((r) => r.healthy);
    return reply.status(healthy ? 200 : 500).send(results);
  });
  return admin;
}
