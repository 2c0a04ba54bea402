import { createClient, CreateMode, Exception, State, type Client, type Stat } from 'node-zookeeper-client';

export type ZkOp =
  | { kind: 'check'; path: string }
  | { kind: 'create'; path: string; data: Buffer; mode?: number }
  | { kind: 'set'; path: string; data: Buffer; version: number }
  | { kind: 'remove'; path: string };

/** One op of a multi failed; the other ops were not applied. */
export class MultiOpError extends Error {
  override readonly name = 'MultiOpError';
  constructor(
    readonly index: number,
    readonly code: number,
  ) {
    super(`multi op ${index} failed with ZooKeeper code ${code}`);
  }
}

export function zkCode(error: unknown): number | undefined {
  return error instanceof Exception || error instanceof MultiOpError ? error.code : undefined;
}

export const isNoNode = (error: unknown): boolean => zkCode(error) === Exception.NO_NODE;
export const isNodeExists = (error: unknown): boolean => zkCode(error) === Exception.NODE_EXISTS;
/** The request may or may not have reached the server. */
export const isConnectionLoss = (error: unknown): boolean =>
  zkCode(error) === Exception.CONNECTION_LOSS || zkCode(error) === Exception.OPERATION_TIMEOUT;

/** A promise face on node-zookeeper-client, with one session. */
export class Zk {
  private constructor(readonly client: Client) {}

  static async connect(connectString: string, sessionTimeout: number, connectTimeout = 10_000): Promise<Zk> {
    const client = createClient(connectString, { sessionTimeout, retries: 0, spinDelay: 200 });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.close();
        reject(new Error(`no ZooKeeper at ${connectString} within ${connectTimeout} ms`));
      }, connectTimeout);
      client.once('connected', () => {
        clearTimeout(timer);
        resolve();
      });
      client.connect();
    });
    return new Zk(client);
  }

  /** Resolves when the session is connected again, false when it expired or did not come back in time. */
  async connected(timeoutMs: number): Promise<boolean> {
    if (this.client.getState().code === State.SYNC_CONNECTED.code) return true;
    return new Promise<boolean>((resolve) => {
      const done = (value: boolean): void => {
        clearTimeout(timer);
        this.client.removeListener('connected', onConnected);
        this.client.removeListener('expired', onExpired);
        resolve(value);
      };
      const onConnected = (): void => done(true);
      const onExpired = (): void => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.client.once('connected', onConnected);
      this.client.once('expired', onExpired);
    });
  }

  getData(path: string, watcher?: () => void): Promise<{ data: Buffer; stat: Stat }> {
    return new Promise((resolve, reject) => {
      const callback = (error: Error | Exception | null, data: Buffer, stat: Stat): void =>
        error ? reject(error) : resolve({ data: data ?? Buffer.alloc(0), stat });
      if (watcher) this.client.getData(path, watcher, callback);
      else this.client.getData(path, callback);
    });
  }

  getChildren(path: string): Promise<string[]> {
    return new Promise((resolve, reject) =>
      this.client.getChildren(path, (error, children) => (error ? reject(error) : resolve(children))),
    );
  }

  exists(path: string): Promise<Stat | null> {
    return new Promise((resolve, reject) =>
      this.client.exists(path, (error, stat) => (error ? reject(error) : resolve(stat ?? null))),
    );
  }

  create(
    path: string,
    data: Buffer = Buffer.alloc(0),
    mode: number = CreateMode.PERSISTENT,
  ): Promise<string> {
    return new Promise((resolve, reject) =>
      this.client.create(path, data, mode, (error, created) => (error ? reject(error) : resolve(created))),
    );
  }

  async createIfAbsent(path: string, data?: Buffer): Promise<void> {
    await this.create(path, data).catch((error: unknown) => {
      if (!isNodeExists(error)) throw error;
    });
  }

  setData(path: string, data: Buffer, version = -1): Promise<Stat> {
    return new Promise((resolve, reject) =>
      this.client.setData(path, data, version, (error, stat) => (error ? reject(error) : resolve(stat))),
    );
  }

  remove(path: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client.remove(path, -1, (error) => (error ? reject(error) : resolve())),
    );
  }

  async removeTree(path: string): Promise<void> {
    const children = await this.getChildren(path).catch((error: unknown) => {
      if (isNoNode(error)) return undefined;
      throw error;
    });
    if (children === undefined) return;
    // In slices: a hundred thousand requests queued at once on one session can lose the connection.
    for (let i = 0; i < children.length; i += 500) {
      await Promise.all(children.slice(i, i + 500).map((child) => this.removeTree(`${path}/${child}`)));
    }
    await this.removeIfPresent(path);
  }

  async removeIfPresent(path: string): Promise<void> {
    await this.remove(path).catch((error: unknown) => {
      if (!isNoNode(error)) throw error;
    });
  }

  /**
   * All ops or none. Versions 0 are refused: node-zookeeper-client 1.1.3 turns an expected version of 0 in a
   * multi into -1 ("any version"), which would silently drop the concurrency check.
   */
  async multi(ops: readonly ZkOp[]): Promise<void> {
    const transaction = this.client.transaction();
    for (const op of ops) {
      if (op.kind === 'check') transaction.check(op.path, -1);
      else if (op.kind === 'create') transaction.create(op.path, op.data, op.mode ?? CreateMode.PERSISTENT);
      else if (op.kind === 'remove') transaction.remove(op.path, -1);
      else {
        if (op.version === 0) throw new Error(`refusing a multi setData of ${op.path} at version 0`);
        transaction.setData(op.path, op.data, op.version);
      }
    }
    return new Promise((resolve, reject) =>
      transaction.commit((error, results: { err?: number }[] | undefined) => {
        if (!error) return resolve();
        const index = (results ?? []).findIndex(
          (result) =>
            result.err !== undefined && result.err !== 0 && result.err !== Exception.RUNTIME_INCONSISTENCY,
        );
        reject(index >= 0 ? new MultiOpError(index, results![index].err!) : error);
      }),
    );
  }

  close(): void {
    this.client.close();
  }
}
