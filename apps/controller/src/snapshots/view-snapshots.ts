import { createHash } from 'node:crypto';
import { EventStore } from '@drove/events';
import { ClusterViewProjection, ClusterViewSnapshot } from '../projections/cluster-view.projection';

/** The one startup snapshot of the cluster view; each save replaces it (history snapshots are separate). */
export const VIEW_SNAPSHOT = 'cluster-view';
/**
 * Bump when the projection's fold or the snapshot's shape changes: a controller ignores a snapshot of another
 * format (written by an older or newer version) and replays the whole log instead.
 */
export const VIEW_SNAPSHOT_FORMAT = 1;

interface StoredViewSnapshot {
  format: number;
  /** sha256 of the view's JSON: a snapshot damaged in the store is caught, not served. */
  digest: string;
  view: ClusterViewSnapshot;
}

export type ViewSnapshotLoad =
  { kind: 'restored'; view: ClusterViewProjection } | { kind: 'none' } | { kind: 'invalid'; reason: string };

const digestOf = (view: ClusterViewSnapshot): string =>
  createHash('sha256').update(JSON.stringify(view)).digest('hex');

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Saves the view as it is now (a synchronous copy, so later events cannot leak in); returns its position. */
export async function saveViewSnapshot(store: EventStore, view: ClusterViewProjection): Promise<number> {
  const snapshot = view.snapshot();
  const stored: StoredViewSnapshot = {
    format: VIEW_SNAPSHOT_FORMAT,
    digest: digestOf(snapshot),
    view: snapshot,
  };
  await store.saveSnapshot(VIEW_SNAPSHOT, snapshot.position, stored);
  return snapshot.position;
}

/**
 * The saved view, if it is one this controller can trust: its format, its digest, and the log's own event at its
 * position (same hash) must all match. A snapshot of another log (a namespace recreated), of a log that was cut
 * back, or damaged in the store is `invalid`, and the caller replays the whole log.
 */
export async function loadViewSnapshot(store: EventStore): Promise<ViewSnapshotLoad> {
  try {
    const saved = await store.loadSnapshot<StoredViewSnapshot>(VIEW_SNAPSHOT);
    if (saved === undefined) return { kind: 'none' };
    const { position, state } = saved;
    if (state?.format !== VIEW_SNAPSHOT_FORMAT)
      return { kind: 'invalid', reason: `format ${String(state?.format)}, expected ${VIEW_SNAPSHOT_FORMAT}` };
    if (state.view?.position !== position || typeof state.view.hash !== 'string')
      return { kind: 'invalid', reason: `no hash, or a position other than ${position}` };
    if (digestOf(state.view) !== state.digest)
      return { kind: 'invalid', reason: 'digest mismatch (damaged)' };
    const [event] = await store.readAll(position, 1);
    if (event?.position !== position)
      return { kind: 'invalid', reason: `position ${position} is past the log's head` };
    if (event.hash !== state.view.hash)
      return { kind: 'invalid', reason: `the log's event at position ${position} has another hash` };
    return { kind: 'restored', view: ClusterViewProjection.restore(state.view) };
  } catch (error) {
    return { kind: 'invalid', reason: `unreadable: ${messageOf(error)}` };
  }
}
