import { ExposedAppInfo, ExposedHost } from '../../endpoints/exposed-app-info';

export class ExposedHostDto implements ExposedHost {
  host!: string;
  port!: number;
  portType!: string;
}

/** Drove's ExposedAppInfo: one routable app (its vhost) and its HEALTHY instances. */
export class ExposedAppInfoDto implements ExposedAppInfo {
  appName!: string;
  appId!: string;
  vhost!: string;
  tags!: Record<string, string>;
  hosts!: ExposedHostDto[];
}
