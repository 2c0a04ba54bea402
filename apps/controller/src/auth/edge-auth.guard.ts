import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessDeniedError, AuthenticationRequiredError } from './auth-errors';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';
import { Authenticator, EDGE_AUTHENTICATOR } from './authenticator';
import { maskHeaders } from './mask-secrets';
import { attachPrincipal } from './principal';
import { canAccess, DEFAULT_ROUTE_ACCESS, ROUTE_ACCESS_KEY, RouteAccess } from './route-access';

const CREDENTIAL_HEADERS = ['authorization', 'cluster-authorization', 'app-instance-authorization'];

/**
 * Authentication, then the route's role check, before the leader check (registered ahead of it), as Drove's
 * filter priorities order them: a stranger learns nothing, not even which controller leads.
 */
@Injectable()
export class EdgeAuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(EDGE_AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticator.authenticate(request.headers);
    if (!principal) {
      this.logger.warn(`401 ${request.method} ${request.url} from ${request.ip}: ${presented(request)}`);
      throw new AuthenticationRequiredError(this.authenticator.challenge);
    }
    // attached before the role check, so a refusal's audit line names who was refused
    attachPrincipal(request, principal);
    const access =
      this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_ROUTE_ACCESS;
    if (!canAccess(principal.role, access, this.settings.options)) {
      this.logger.warn(
        `403 ${request.method} ${request.url}: ${principal.name} (${principal.role}) is not ${access}`,
      );
      throw new AccessDeniedError();
    }
    return true;
  }
}

function presented(request: FastifyRequest): string {
  const masked = maskHeaders(request.headers);
  const given = CREDENTIAL_HEADERS.filter((name) => masked[name] !== undefined).map(
    (n) => `${n}: ${masked[n]}`,
  );
  return given.length > 0 ? `credentials refused (${given.join(', ')})` : 'no credentials';
}
