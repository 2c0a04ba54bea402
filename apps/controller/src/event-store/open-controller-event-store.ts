import { ZooKeeperEventStore } from '@drove/events';
import { ReopeningEventStore } from './reopening-event-store';

export interface ControllerStoreOptions {
  connectionString: string;
  nameSpace: string;
  sessionTimeoutMs: number;
  /** A failed attempt to open a store after an expiry (it is retried). */
  onError?: (error: unknown) => void;
}

/**
 * The log lives beside the leader election, under the same namespace (`/<nameSpace>/log`, `/<nameSpace>/leader`),
 * on a session of its own that is replaced when it expires.
 */
export function openControllerEventStore(options: ControllerStoreOptions): Promise<ReopeningEventStore> {
  return ReopeningEventStore.open({
    open: () =>
      ZooKeeperEventStore.open({
        connectString: options.connectionString,
        root: `/${options.nameSpace}`,
        sessionTimeout: options.sessionTimeoutMs,
      }),
    onError: options.onError,
  });
}
