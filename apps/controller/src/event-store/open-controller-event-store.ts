import { ZooKeeperEventStore } from '@drove/events';

export interface ControllerStoreOptions {
  connectionString: string;
  nameSpace: string;
  sessionTimeoutMs: number;
  /** Runs once the store's ZooKeeper session is gone for good: the controller must step down. */
  onSessionExpired: () => void;
}

/** The log lives beside the leader election, under the same namespace (`/<nameSpace>/log`, `/<nameSpace>/leader`). */
export async function openControllerEventStore(
  options: ControllerStoreOptions,
): Promise<ZooKeeperEventStore> {
  const store = await ZooKeeperEventStore.open({
    connectString: options.connectionString,
    root: `/${options.nameSpace}`,
    sessionTimeout: options.sessionTimeoutMs,
  });
  store.onSessionExpired(options.onSessionExpired);
  return store;
}
