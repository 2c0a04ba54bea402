import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { CLUSTER_SECRETS } from './api-tokens';
import { createHash, timingSafeEqual } from 'node:crypto';

export const CLUSTER_AUTHORIZATION = 'cluster-authorization';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

// Drove's executor accepts a `Cluster-Authorization` header matching ANY configured cluster secret (the
// controller sends the CONTROLLER one); anything else is a 401 before the handler runs.
@Injectable()
export class ClusterSecretGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(@Inject(CLUSTER_SECRETS) secrets: string[]) {
    this.digests = secrets.map(digest);
  }

  matches(given: string | undefined): boolean {
    if (!given) return false;
    const candidate = digest(given);
    // Every secret is compared, so timing does not tell which (or whether an early one) matched.
    return this.digests.map((d) => timingSafeEqual(d, candidate)).includes(true);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    if (!this.matches(request.headers[CLUSTER_AUTHORIZATION])) throw new UnauthorizedException();
    return true;
  }
}
