import { Client, createClient } from 'node-zookeeper-client';

// Removes a test's ZooKeeper root with everything below it.
export async function removeZkTree(connectString: string, root: string): Promise<void> {
  const client = createClient(connectString);
  await new Promise<void>((resolve) => {
    client.once('connected', () => resolve());
    client.connect();
  });
  try {
    await removeBelow(client, root);
  } finally {
    client.close();
  }
}

async function removeBelow(client: Client, path: string): Promise<void> {
  const children = await new Promise<string[]>((resolve) =>
    client.getChildren(path, (err, names) => resolve(err ? [] : names)),
  );
  for (const child of children) await removeBelow(client, `${path}/${child}`);
  await new Promise<void>((resolve) => client.remove(path, -1, () => resolve()));
}
