import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { NotLeaderError } from '../http/drove-errors';
import { LEADERSHIP_VIEW, LeadershipView } from './leadership-view';

/**
 * Every API route answers only on the leader, as in Drove: followers hold a view that may lag the log, and
 * clients discover the leader by which controller answers. Runs after routing, so unknown paths stay 404 anywhere.
 */
@Injectable()
export class LeaderOnlyGuard implements CanActivate {
  constructor(@Inject(LEADERSHIP_VIEW) private readonly leadership: LeadershipView) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.leadership.isLeader()) return true;
    const url = context.switchToHttp().getRequest<FastifyRequest>().url;
    throw new NotLeaderError(url.includes('/ui/') ? await this.leadership.leaderBaseUrl() : null);
  }
}
