import { ACTIVE_APP_STATES, ApplicationAggregate, InstanceInfoJson } from '@drove/domain';

/** Drove's ExposedAppInfo: one routable app and its healthy hosts (reference 1.9). */
export interface ExposedAppInfo {
  appName: string;
  appId: string;
  vhost: string;
  tags: Record<string, string>;
  hosts: ExposedHost[];
}

export interface ExposedHost {
  host: string;
  port: number;
  portType: string;
}

export interface EndpointSources {
  apps: readonly ApplicationAggregate[];
  /** The app's instances as the log last recorded them. */
  instancesOf(appId: string): readonly InstanceInfoJson[];
  /** When the instance was last heard of (its last change or its executor's latest node data listing it). */
  lastHeardOf(info: InstanceInfoJson): number;
  /** Drove drops a HEALTHY instance not heard of for this long (60 s), unless in the maintenance window. */
  stalenessMs: number;
  now: number;
  inMaintenanceWindow: boolean;
  /** Only apps with these names; undefined for all. */
  names?: readonly string[];
}

export function exposedApps(sources: EndpointSources): ExposedAppInfo[] {
  return sources.apps
    .filter(
      (app) =>
        app.state !== undefined &&
        ACTIVE_APP_STATES.includes(app.state) &&
        app.spec?.exposureSpec !== undefined &&
        app.spec.exposedPorts.length > 0 &&
        (sources.names === undefined || sources.names.includes(app.spec.name)),
    )
    .sort((a, b) => ((a.appId as string) < (b.appId as string) ? -1 : a.appId === b.appId ? 0 : 1))
    .map((app) => exposedApp(app, sources));
}

function exposedApp(app: ApplicationAggregate, sources: EndpointSources): ExposedAppInfo {
  const spec = app.spec as NonNullable<ApplicationAggregate['spec']>;
  const { vhost, portName } = spec.exposureSpec as NonNullable<typeof spec.exposureSpec>;
  const hosts = sources
    .instancesOf(app.appId as string)
    .filter(
      (info) =>
        info.state === 'HEALTHY' &&
        (sources.inMaintenanceWindow || sources.now - sources.lastHeardOf(info) <= sources.stalenessMs),
    )
    .sort((a, b) => a.created - b.created)
    .flatMap((info) => {
      const port = info.localInfo?.ports[portName];
      return info.localInfo && port
        ? [{ host: info.localInfo.hostname, port: port.hostPort, portType: port.portType }]
        : [];
    });
  return { appName: spec.name, appId: app.appId as string, vhost, tags: spec.tags ?? {}, hosts };
}
