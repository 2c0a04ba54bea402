import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { NotLeaderError } from '../http/drove-errors';
import { browserPathOf, UI_PAGE_KEY } from '../ui/ui-page';
import { LEADERSHIP_VIEW, LeadershipView } from './leadership-view';

/**
 * Every API route answers only on the leader, as in Drove: followers hold a view that may lag the log, and
 * clients discover the leader by which controller answers. A UI page is sent to the same page on the leader.
 * Runs after routing, so unknown paths stay 404 anywhere.
 */
@Injectable()
export class LeaderOnlyGuard implements CanActivate {
  constructor(
    @Inject(LEADERSHIP_VIEW) private readonly leadership: LeadershipView,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.leadership.isLeader()) return true;
    const uiPage = this.reflector.getAllAndOverride<boolean | undefined>(UI_PAGE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!uiPage) throw new NotLeaderError(null);
    const leader = await this.leadership.leaderBaseUrl();
    const url = context.switchToHttp().getRequest<FastifyRequest>().url;
    throw new NotLeaderError(leader === null ? null : leader + browserPathOf(url));
  }
}
