import { ControllerAuth, fetchEndpoints } from './controller-api';
import { DroveEvent, ExposedAppInfo } from './drove-types';
import { EventStreamClient } from './event-stream-client';
import { NginxReloader } from './nginx-reloader';
import { VhostFiles, vhostsOf } from './vhost-files';

export interface RouterConfig {
  controllers: string[];
  auth: ControllerAuth;
  /** Directory holding one file per vhost; nginx includes `<dir>/*.conf` in its http block. */
  dir: string;
  /** nginx `listen` of the generated server blocks, e.g. `80` or `127.0.0.1:8080`. */
  listen: string;
  reloadCommand: string[];
  /** A full refetch of /apis/v1/endpoints this often, for what no event tells (Drove's 60 s staleness rule). */
  resyncIntervalMs: number;
  /** Events of one app arriving within this window cost one refetch. */
  debounceMs: number;
  reconnectDelayMs: number;
  idleTimeoutMs: number;
  log(message: string): void;
}

/** Events after which an app's routable hosts may differ. */
const ROUTING_EVENTS = ['APP_STATE_CHANGE', 'INSTANCE_STATE_CHANGE'];

/**
 * Keeps nginx's vhost files in line with the cluster. The state is `/apis/v1/endpoints`: read whole when a stream
 * starts from now, then per app each time the stream tells of a change to it. The controller sends an event only
 * once its read API shows it, so the refetch after an event is never older than the event; the stream resumes
 * with Last-Event-ID, so no change is missed across a reconnection or a leader change.
 */
export class DroveRouter {
  private readonly apps = new Map<string, ExposedAppInfo[]>();
  private readonly dirty = new Set<string>();
  private readonly stream: EventStreamClient;
  private readonly files: VhostFiles;
  readonly reloader: NginxReloader;
  private baseUrl: string | undefined;
  private work: Promise<void> = Promise.resolve();
  private debounce: NodeJS.Timeout | undefined;
  private resync: NodeJS.Timeout | undefined;

  constructor(private readonly config: RouterConfig) {
    this.files = new VhostFiles(config.dir, config.listen);
    this.reloader = new NginxReloader(config.reloadCommand, config.log);
    this.stream = new EventStreamClient({
      ...config,
      types: ROUTING_EVENTS,
      onConnected: (baseUrl, resumed) => this.connected(baseUrl, resumed),
      onEvent: (event) => this.changed(event),
    });
  }

  start(): void {
    this.stream.start();
    this.resync = setInterval(() => void this.serially(() => this.readAll()), this.config.resyncIntervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.resync);
    clearTimeout(this.debounce);
    await this.stream.stop();
    await this.work;
  }

  private async connected(baseUrl: string, resumed: boolean): Promise<void> {
    this.baseUrl = baseUrl;
    if (!resumed) await this.serially(() => this.readAll(), true);
    else if (this.dirty.size > 0) this.schedule();
  }

  private changed(event: DroveEvent): void {
    const name = event.metadata.APP_NAME;
    if (typeof name !== 'string') return;
    this.dirty.add(name);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.serially(() => this.readDirty()), this.config.debounceMs);
  }

  private async readAll(): Promise<void> {
    if (!this.baseUrl) return;
    const all = await fetchEndpoints(this.baseUrl, this.config.auth);
    this.apps.clear();
    for (const app of all) this.apps.set(app.appName, [...(this.apps.get(app.appName) ?? []), app]);
    await this.write();
  }

  private async readDirty(): Promise<void> {
    if (!this.baseUrl || this.dirty.size === 0) return;
    const names = [...this.dirty];
    this.dirty.clear();
    try {
      const fresh = await fetchEndpoints(this.baseUrl, this.config.auth, names);
      for (const name of names)
        this.apps.set(
          name,
          fresh.filter((app) => app.appName === name),
        );
    } catch (error) {
      // kept for the next try: the stream's reconnection (a new leader) or the next event
      for (const name of names) this.dirty.add(name);
      throw error;
    }
    await this.write();
  }

  private async write(): Promise<void> {
    if (await this.files.sync(vhostsOf([...this.apps.values()].flat()))) await this.reloader.reload();
  }

  /** One refetch or write at a time, in order; `rethrow` lets the stream retry a failed initial read. */
  private serially(task: () => Promise<void>, rethrow = false): Promise<void> {
    const run = this.work.then(task);
    this.work = run.catch((error: unknown) =>
      this.config.log(`sync failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return rethrow ? run : this.work;
  }
}
