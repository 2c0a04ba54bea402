import { Client, Event, Exception, State } from 'node-zookeeper-client';
import { ExecutorNodeDataJson } from '@drove/domain';
import { connectZooKeeper, ensurePath, isZkError, zkCall } from '../zookeeper/zookeeper-calls';

/** Where discovered node data goes: the registry, through the reports handler on the controller. */
export interface ExecutorSink {
  update(data: ExecutorNodeDataJson): void;
  remove(executorId: string, at: number): void;
}

export interface ExecutorDiscoveryOptions {
  connectionString: string;
  /** `/<nameSpace>`; executors register under `<root>/executor/<host>-<port>`. */
  root: string;
  sessionTimeoutMs: number;
  connectTimeoutMs: number;
  now: () => number;
  onError: (error: unknown) => void;
}

const isNodeData = (value: unknown): value is ExecutorNodeDataJson => {
  const data = value as Partial<ExecutorNodeDataJson> | null;
  return (
    !!data &&
    typeof data.hostname === 'string' &&
    typeof data.port === 'number' &&
    typeof data.state?.executorId === 'string'
  );
};

/**
 * Watches the executors' ephemeral znodes (children and data, ZooKeeper watches instead of Drove's 10 s poll) and
 * feeds their node data to the registry; a vanished znode removes its executor. Runs on every controller, so a
 * follower's scheduler view is ready when it leads. On session expiry it opens a new session and reads again.
 */
export class ExecutorDiscovery {
  private client: Client | undefined;
  private readonly executorOf = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly registry: ExecutorSink,
    private readonly options: ExecutorDiscoveryOptions,
  ) {}

  private get path(): string {
    return `${this.options.root}/executor`;
  }

  async start(): Promise<void> {
    const { connectionString, sessionTimeoutMs, connectTimeoutMs } = this.options;
    const client = await connectZooKeeper(connectionString, { sessionTimeoutMs, connectTimeoutMs });
    this.client = client;
    client.on('state', (state: State) => {
      if (state !== State.EXPIRED || this.stopped || client !== this.client) return;
      client.close();
      this.start().catch(this.options.onError);
    });
    await ensurePath(client, this.path);
    await this.readChildren(client);
  }

  stop(): void {
    this.stopped = true;
    this.client?.close();
  }

  private async readChildren(client: Client): Promise<void> {
    if (this.stopped || client !== this.client) return;
    const children = await zkCall<string[]>((cb) =>
      client.getChildren(this.path, () => this.readChildren(client).catch(this.options.onError), cb),
    );
    for (const [name, executorId] of this.executorOf) {
      if (children.includes(name)) continue;
      this.executorOf.delete(name);
      this.registry.remove(executorId, this.options.now());
    }
    await Promise.all(
      children.filter((name) => !this.executorOf.has(name)).map((name) => this.readNode(client, name)),
    );
  }

  private async readNode(client: Client, name: string): Promise<void> {
    if (this.stopped || client !== this.client) return;
    const watcher = (event: Event): void => {
      if (event.getType() === Event.NODE_DATA_CHANGED)
        this.readNode(client, name).catch(this.options.onError);
    };
    let raw: Buffer | undefined;
    try {
      raw = await zkCall<Buffer>((cb) => client.getData(`${this.path}/${name}`, watcher, cb));
    } catch (error) {
      if (isZkError(error, Exception.NO_NODE)) return;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw?.toString('utf8') ?? '');
    } catch {
      data = undefined;
    }
    if (!isNodeData(data)) {
      this.options.onError(new Error(`executor znode ${name}: not executor node data, skipped`));
      return;
    }
    this.executorOf.set(name, data.state.executorId);
    this.registry.update(data);
  }
}
