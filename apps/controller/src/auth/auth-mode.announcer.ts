import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ClusterAuthConfig } from '../config/controller-config';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';

/** Says at startup how callers are authenticated; loudly when nobody is. Never logs a password or secret. */
@Injectable()
export class AuthModeAnnouncer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {}

  onApplicationBootstrap(): void {
    const { userAuth } = this.settings;
    if (!userAuth.enabled) {
      this.logger.warn(
        '*** NO AUTHENTICATION: userAuth is disabled, so every API caller is "default-user" with role ' +
          'EXTERNAL_ROOT (full control). Fine on a laptop; enable userAuth before anyone else can reach this port. ***',
      );
      if (userAuth.users.length > 0) {
        this.logger.warn(
          `userAuth lists ${userAuth.users.length} user(s) but enabled is false: they are ignored`,
        );
      }
    } else {
      const users = userAuth.users.map((u) => `${u.username} (${u.role})`).join(', ');
      this.logger.log(`basic auth on, passwords ${userAuth.encoding}: ${users}`);
      if (userAuth.encoding === 'PLAIN') {
        this.logger.warn(
          'userAuth passwords are plain text in the config file: prefer encoding CRYPT (bcrypt)',
        );
      }
    }
    if (usesDefaultSecrets(this.settings.clusterAuth)) {
      this.logger.warn("clusterAuth uses Drove's published default secrets: set your own outside a laptop");
    }
  }
}

function usesDefaultSecrets(clusterAuth: ClusterAuthConfig): boolean {
  const defaults = new ClusterAuthConfig().secrets.map((s) => s.secret);
  return clusterAuth.secrets.some((s) => defaults.includes(s.secret));
}
