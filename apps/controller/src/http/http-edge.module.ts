import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthExceptionFilter } from '../auth/auth-exception.filter';
import { AuthModeAnnouncer } from '../auth/auth-mode.announcer';
import {
  AUTH_SETTINGS,
  AuthSettings,
  buildEdgeAuthenticator,
  defaultAuthSettings,
  INSTANCE_TOKENS,
  instanceTokensOf,
} from '../auth/auth-settings';
import { EDGE_AUTHENTICATOR } from '../auth/authenticator';
import { EdgeAuthGuard } from '../auth/edge-auth.guard';
import { LeaderOnlyGuard } from '../leadership/leader-only.guard';
import { LEADERSHIP_VIEW } from '../leadership/leadership-view';
import { DroveExceptionFilter } from './drove-exception.filter';
import { EmptyJsonBody } from './empty-json-body';

/**
 * Drove's request pipeline: authentication and roles, leader-only routes, Drove-shaped error bodies, an empty JSON
 * body taken as none.
 */
@Module({})
export class HttpEdgeModule {
  /**
   * `leadership` provides LEADERSHIP_VIEW: the ZooKeeper election in the process, a fake in tests. `auth` is the
   * controller config's userAuth, clusterAuth and options; without it, no-auth mode with the default secrets.
   */
  static withLeadership(leadership: Provider, auth: AuthSettings = defaultAuthSettings()): DynamicModule {
    return {
      module: HttpEdgeModule,
      // global so that routes can name the leader (the cluster summary) and sagas can mint instance tokens
      global: true,
      exports: [LEADERSHIP_VIEW, INSTANCE_TOKENS],
      providers: [
        leadership,
        { provide: AUTH_SETTINGS, useValue: auth },
        { provide: INSTANCE_TOKENS, useValue: instanceTokensOf(auth) },
        { provide: EDGE_AUTHENTICATOR, useValue: buildEdgeAuthenticator(auth) },
        // Global guards run in this order: who is calling and may they, before whether this node leads.
        { provide: APP_GUARD, useClass: EdgeAuthGuard },
        { provide: APP_GUARD, useClass: LeaderOnlyGuard },
        { provide: APP_FILTER, useClass: DroveExceptionFilter },
        { provide: APP_FILTER, useClass: AuthExceptionFilter },
        AuthModeAnnouncer,
        EmptyJsonBody,
      ],
    };
  }
}
