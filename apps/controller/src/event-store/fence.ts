import { LeaderElection } from '../leadership/leader-election';

/**
 * What the write side needs from leadership: the fencing token while leading, and a signal when this controller
 * starts leading (its views are rebuilt then, so a new leader answers from the whole log).
 */
export interface Fence {
  /** The leader znode that fences appends; null when not leading. */
  path(): string | null;
  onLeading(listener: () => void): () => void;
}

export const FENCE = Symbol('Fence');

export const electionFence = (election: LeaderElection): Fence => ({
  path: () => election.fencePath,
  onLeading: (listener) =>
    election.onChange((change) => {
      if (change.state === 'LEADER') listener();
    }),
});
