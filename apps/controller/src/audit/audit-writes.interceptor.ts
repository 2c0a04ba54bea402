import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { principalOf } from '../auth/principal';
import { DEFAULT_ROUTE_ACCESS, ROUTE_ACCESS_KEY, RouteAccess } from '../auth/route-access';
import { AUDIT_LOG, AuditLog } from './audit-log';

/** Route classes that change the cluster at a person's or tool's request; executors' reports are in the log itself. */
const WRITES: ReadonlySet<RouteAccess> = new Set<RouteAccess>(['RW', 'MAINT']);

const field = (value: unknown, key: string): string | undefined => {
  const v = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof v === 'string' ? v : undefined;
};

/** One audit line per write the controller accepted (the handler answered without an error). */
@Injectable()
export class AuditWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const access =
      this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_ROUTE_ACCESS;
    if (!WRITES.has(access)) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    return next.handle().pipe(
      tap((answer: unknown) => {
        const principal = principalOf(request);
        this.log.record({
          time: Date.now(),
          kind: 'write',
          method: request.method,
          path: request.url,
          status: http.getResponse<FastifyReply>().statusCode,
          ip: request.ip,
          actor: principal?.name,
          role: principal?.role,
          appId:
            field((answer as { data?: unknown } | undefined)?.data, 'appId') ??
            field(request.params, 'appId') ??
            field(request.body, 'appId'),
          operation: field(request.body, 'type'),
        });
      }),
    );
  }
}
