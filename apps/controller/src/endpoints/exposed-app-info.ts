import {
  ACTIVE_APP_STATES,
  ApplicationAggregate,
  ExecutorNodeDataJson,
  InstanceInfoJson,
} from '@drove/domain';

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

/** Drove drops a HEALTHY instance not updated for this long, unless the cluster is in its maintenance window. */
export const INSTANCE_STALENESS_MS = 60_000;

export interface EndpointSources {
  apps: readonly ApplicationAggregate[];
  /** The app's instances as the log last recorded them. */
  instancesOf(appId: string): readonly InstanceInfoJson[];
  /** The executor's latest node data (refreshed every 20 s), if it is live. */
  executor(executorId: string): ExecutorNodeDataJson | undefined;
  now: number;
  inMaintenanceWindow: boolean;
  /** Only apps with these names; undefined for all. */
  names?: readonly string[];
}

/**
 * The log records an instance only when its state changes, so a steady HEALTHY instance's logged `updated` ages;
 * its executor's periodic snapshot carries a fresh one. The newer of the two is when it was last heard of.
 */
const lastHeardOf = (info: InstanceInfoJson, sources: EndpointSources): number => {
  const reported = sources
    .executor(info.executorId)
    ?.instances?.find((i) => i.instanceId === info.instanceId);
  return Math.max(info.updated, reported?.updated ?? 0);
};

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
        (sources.inMaintenanceWindow || sources.now - lastHeardOf(info, sources) <= INSTANCE_STALENESS_MS),
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
