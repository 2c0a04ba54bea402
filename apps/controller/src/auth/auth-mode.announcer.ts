import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ClusterAuthConfig, InstanceAuthConfig, UserAuthConfig } from '../config/controller-config';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';

/** Says at startup how callers are authenticated; loudly when nobody is. Never logs a password or secret. */
@Injectable()
export class AuthModeAnnouncer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {}

  onApplicationBootstrap(): void {
    const { userAuth, clusterAuth, instanceAuth } = this.settings;
    if (userAuth.enabled) {
      const users = userAuth.users.map((u) => `${u.username} (${u.role})`).join(', ');
      this.logger.log(`basic auth on, passwords ${userAuth.encoding}: ${users}`);
    } else {
      this.logger.warn(
        '*** NO AUTHENTICATION: userAuth is disabled, so every API caller is "default-user" with role ' +
          'EXTERNAL_ROOT (full control). Fine on a laptop; enable userAuth before anyone else can reach this port. ***',
      );
    }
    const warnings = [
      ...userAuthWarnings(userAuth),
      ...clusterAuthWarnings(clusterAuth),
      ...instanceAuthWarnings(instanceAuth),
    ];
    for (const warning of warnings) {
      this.logger.warn(warning);
    }
  }
}

function userAuthWarnings(userAuth: UserAuthConfig): string[] {
  if (!userAuth.enabled) {
    return userAuth.users.length > 0
      ? [`userAuth lists ${userAuth.users.length} user(s) but enabled is false: they are ignored`]
      : [];
  }
  if (userAuth.encoding !== 'PLAIN') return [];
  const hashed = userAuth.users.filter((u) => /^\$2[aby]\$/.test(u.password)).map((u) => u.username);
  return [
    'userAuth passwords are plain text in the config file: prefer encoding CRYPT (bcrypt)',
    ...(hashed.length > 0
      ? [
          `userAuth encoding is PLAIN but the passwords of ${hashed.join(', ')} look like bcrypt hashes: they ` +
            'match only when the hash itself is typed; did you mean encoding CRYPT?',
        ]
      : []),
  ];
}

function clusterAuthWarnings(clusterAuth: ClusterAuthConfig): string[] {
  const defaults = new ClusterAuthConfig().secrets.map((s) => s.secret);
  return clusterAuth.secrets.some((s) => defaults.includes(s.secret))
    ? ["clusterAuth uses Drove's published default secrets: set your own outside a laptop"]
    : [];
}

// Anyone who knows the published default can sign a token for any instance and list its app's siblings.
function instanceAuthWarnings(instanceAuth: InstanceAuthConfig): string[] {
  return instanceAuth.secret === new InstanceAuthConfig().secret
    ? ["instanceAuth.secret is Drove's published default: app instance tokens can be forged; set your own"]
    : [];
}
