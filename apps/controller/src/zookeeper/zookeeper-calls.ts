import { Client, CreateMode, createClient, Exception } from 'node-zookeeper-client';

type Callback<T> = (err: Error | Exception | null, value?: T) => void;

export function zkCall<T = unknown>(fn: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value as T))));
}

export function isZkError(err: unknown, code: number): boolean {
  return err instanceof Exception && err.getCode() === code;
}

export interface ConnectOptions {
  sessionTimeoutMs: number;
  connectTimeoutMs: number;
}

export async function connectZooKeeper(connectString: string, options: ConnectOptions): Promise<Client> {
  const client = createClient(connectString, { sessionTimeout: options.sessionTimeoutMs, spinDelay: 200 });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.close();
      reject(new Error(`ZooKeeper at ${connectString} did not answer within ${options.connectTimeoutMs} ms`));
    }, options.connectTimeoutMs);
    client.once('connected', () => {
      clearTimeout(timer);
      resolve();
    });
    client.connect();
  });
  return client;
}

/** Creates every missing znode on the way to `path` (persistent, empty); existing ones are left as they are. */
export async function ensurePath(client: Client, path: string): Promise<void> {
  await zkCall((cb) => client.mkdirp(path, CreateMode.PERSISTENT, cb));
}

/** Removes `path` and everything under it; a node that vanishes meanwhile is not an error. */
export async function removeTree(client: Client, path: string): Promise<void> {
  const children = await zkCall<string[]>((cb) => client.getChildren(path, cb)).catch((err: unknown) => {
    if (isZkError(err, Exception.NO_NODE)) return [];
    throw err;
  });
  for (const child of children) await removeTree(client, `${path}/${child}`);
  await zkCall((cb) => client.remove(path, -1, cb)).catch((err: unknown) => {
    if (!isZkError(err, Exception.NO_NODE)) throw err;
  });
}
