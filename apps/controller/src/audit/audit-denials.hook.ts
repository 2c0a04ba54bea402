import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { maskHeaders } from '../auth/mask-secrets';
import { principalOf } from '../auth/principal';
import { AUDIT_LOG, AuditLog } from './audit-log';

const DENIED = new Set([401, 403]);

/**
 * One audit line per request the edge refused (401, 403). A Fastify hook rather than an interceptor: guards
 * refuse before any interceptor runs. Headers are kept, masked, as the trace of what was tried.
 */
@Injectable()
export class AuditDenialsHook implements OnModuleInit {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      if (DENIED.has(reply.statusCode)) {
        const principal = principalOf(request);
        this.log.record({
          time: Date.now(),
          kind: 'denied',
          method: request.method,
          path: request.url,
          status: reply.statusCode,
          ip: request.ip,
          actor: principal?.name,
          role: principal?.role,
          headers: maskHeaders(request.headers),
        });
      }
      done();
    });
  }
}
