import { ContainerRuntime, FileToCopy } from '../runtime/container-runtime.port';
import { ImagePullPolicy, ensureImage, registryCredentials } from '../runtime/image-pull-policy';
import { ConfigSources, resolveConfigFiles } from './config-files';
import { containerName } from './container-name';
import { HostSettings, containerRequest } from './container-request';
import { ContainerSpec } from './container-spec';
import { droveEnv } from './drove-env';
import { droveLabels } from './drove-labels';
import { ExecutorInstanceInfo, executorInstanceInfo } from './executor-instance-info';
import { portInfoFrom } from './instance-ports';
import { HostPortRange } from './host-port-range';

export interface LauncherSettings {
  executorId: string;
  // The executor's canonical hostname.
  hostname: string;
  pullPolicy: ImagePullPolicy;
  // Keep images after an instance ends (Drove's cacheImages); clusters without registry access need this.
  cacheImages: boolean;
  // Drove's dockerAuth.entries: registry host -> credentials.
  registryAuth?: Record<string, { username: string; password: string }>;
  host: HostSettings;
  executorEnv: Record<string, string | undefined>;
  configSources: ConfigSources;
  // Absent: dockerd picks host ports at start, and PORT_<n> cannot be injected (it is unknown at create).
  portRange?: HostPortRange;
  // Added to every container, e.g. to mark test containers.
  extraLabels?: Record<string, string>;
  now: () => number;
}

export interface LaunchedContainer {
  containerId: string;
  name: string;
  // With the host ports the container really got.
  info: ExecutorInstanceInfo;
}

const PORT_CONFLICT = /port is already allocated|address already in use/i;
const LAUNCH_ATTEMPTS = 3;

// The container side of Drove's PROVISIONING and STARTING steps: pull per policy, then create the container
// with Drove's name, labels, environment and cgroup limits, write its config files and start it. A failed
// launch leaves no container and no reserved port behind.
export class ContainerLauncher {
  private readonly reservedPorts = new Map<string, number[]>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly settings: LauncherSettings,
  ) {}

  get executorId(): string {
    return this.settings.executorId;
  }

  get hostname(): string {
    return this.settings.hostname;
  }

  // Returns whether an image was pulled.
  provision(spec: ContainerSpec): Promise<boolean> {
    return ensureImage(this.runtime, spec.image, {
      policy: this.settings.pullPolicy,
      timeoutMs: spec.pullTimeoutMs,
      credentials: registryCredentials(spec.image, this.settings.registryAuth ?? {}),
    });
  }

  async launch(spec: ContainerSpec, wireSpec: unknown): Promise<LaunchedContainer> {
    const files = await resolveConfigFiles(spec.configs, this.settings.configSources);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.launchOnce(spec, wireSpec, files);
      } catch (err) {
        if (attempt >= LAUNCH_ATTEMPTS || !PORT_CONFLICT.test((err as Error).message)) throw err;
      }
    }
  }

  // Removes the container and returns its host ports to the range.
  async destroy(containerId: string): Promise<void> {
    await this.runtime.remove(containerId);
    this.settings.portRange?.release(this.reservedPorts.get(containerId) ?? []);
    this.reservedPorts.delete(containerId);
  }

  // Drove's last DEPROVISIONING step: drop the image unless images are cached. An image still used by another
  // container stays.
  async releaseImage(image: string): Promise<void> {
    if (!this.settings.cacheImages) await this.runtime.removeImage(image);
  }

  // A recovered container keeps its ports.
  adopt(containerId: string, info: ExecutorInstanceInfo): void {
    const ports = Object.values(info.localInfo.ports).map((p) => p.hostPort);
    this.settings.portRange?.markInUse(ports);
    this.reservedPorts.set(containerId, ports);
  }

  private async hostPorts(spec: ContainerSpec): Promise<Record<number, number>> {
    if (spec.hostLevel) return Object.fromEntries(spec.ports.map((p) => [p.port, p.port]));
    const range = this.settings.portRange;
    if (!range || spec.ports.length === 0) return {};
    const ports = await range.reserve(spec.ports.length);
    return Object.fromEntries(spec.ports.map((p, i) => [p.port, ports[i] as number]));
  }

  private async launchOnce(
    spec: ContainerSpec,
    wireSpec: unknown,
    files: FileToCopy[],
  ): Promise<LaunchedContainer> {
    const { settings } = this;
    const hostPorts = await this.hostPorts(spec);
    const reserved = spec.hostLevel ? [] : Object.values(hostPorts);
    const name = containerName(spec.identity);
    const bound = spec.ports.map((p) => ({
      containerPort: p.port,
      protocol: p.type === 'UDP' ? ('udp' as const) : ('tcp' as const),
      hostPort: hostPorts[p.port] ?? 0,
    }));
    const info = executorInstanceInfo({
      identity: spec.identity,
      resources: spec.resources,
      executorId: settings.executorId,
      hostname: settings.hostname,
      ports: portInfoFrom(spec.ports, bound),
      now: settings.now(),
    });
    const labels = droveLabels(
      { jobType: spec.identity.jobType, instanceId: spec.identity.instanceId, spec: wireSpec, info },
      settings.extraLabels,
    );
    const env = droveEnv(spec, { hostname: settings.hostname, hostPorts, executorEnv: settings.executorEnv });
    let containerId: string | undefined;
    try {
      containerId = await this.runtime.create(
        containerRequest(spec, { name, labels, env, hostPorts }, settings.host),
      );
      if (files.length > 0) await this.runtime.copyFiles(containerId, files);
      await this.runtime.start(containerId);
      const details = await this.runtime.inspect(containerId);
      this.reservedPorts.set(containerId, reserved);
      const ports = portInfoFrom(spec.ports, details?.ports ?? []);
      return { containerId, name, info: { ...info, localInfo: { ...info.localInfo, ports } } };
    } catch (err) {
      // The launch error is what the instance reports; a failing clean-up must not hide it (the zombie reaper
      // removes a container left behind).
      if (containerId) await this.runtime.remove(containerId).catch(() => undefined);
      settings.portRange?.release(reserved);
      throw err;
    }
  }
}
