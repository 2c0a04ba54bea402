import { Client, CreateMode, Exception, createClient } from 'node-zookeeper-client';

type Callback<T> = (error: Error | Exception | null, result: T) => void;

function call<T = unknown>(fn: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, result) => (err ? reject(err) : resolve(result))));
}

function isNoNode(err: unknown): boolean {
  return err instanceof Exception && err.getCode() === Exception.NO_NODE;
}

// The executor's few ZooKeeper needs: one ephemeral node kept written, and reads of the controllers' nodes.
// An expired session is replaced by a new one on the next call (its ephemeral node is then written again by
// the caller's next publish).
export class ZooKeeperSession {
  private client?: Promise<Client>;
  private closed = false;

  constructor(
    private readonly connectString: string,
    private readonly sessionTimeoutMs: number,
  ) {}

  async writeEphemeral(path: string, data: Buffer): Promise<void> {
    const client = await this.connected();
    try {
      await call((cb) => client.setData(path, data, -1, cb));
    } catch (err) {
      if (!isNoNode(err)) throw err;
      await call((cb) => client.mkdirp(path.slice(0, path.lastIndexOf('/')), cb));
      await call((cb) => client.create(path, data, CreateMode.EPHEMERAL, cb));
    }
  }

  async remove(path: string): Promise<void> {
    const client = await this.connected();
    await call((cb) => client.remove(path, -1, (err) => cb(err, undefined))).catch((err) => {
      if (!isNoNode(err)) throw err;
    });
  }

  // Children with their data; a missing parent is no children.
  async children(path: string): Promise<{ name: string; data: Buffer }[]> {
    const client = await this.connected();
    const names = await call<string[]>((cb) => client.getChildren(path, cb)).catch((err) => {
      if (isNoNode(err)) return [] as string[];
      throw err;
    });
    const read = await Promise.all(
      names.map((name) =>
        call<Buffer>((cb) => client.getData(`${path}/${name}`, cb)).then(
          (data) => ({ name, data }),
          () => undefined,
        ),
      ),
    );
    return read.filter((entry): entry is { name: string; data: Buffer } => !!entry?.data);
  }

  close(): void {
    this.closed = true;
    void this.client?.then((c) => c.close()).catch(() => undefined);
    this.client = undefined;
  }

  private connected(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('ZooKeeper session closed'));
    if (!this.client) {
      const client = createClient(this.connectString, { sessionTimeout: this.sessionTimeoutMs });
      const ready = new Promise<Client>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('ZooKeeper connection timed out')), 15000);
        client.once('connected', () => {
          clearTimeout(timer);
          resolve(client);
        });
      });
      client.on('expired', () => {
        if (this.client === ready) this.client = undefined;
        client.close();
      });
      client.connect();
      this.client = ready;
      ready.catch(() => {
        if (this.client === ready) this.client = undefined;
        client.close();
      });
    }
    return this.client;
  }
}
