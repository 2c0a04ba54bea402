/** What the HTTP edge needs to know about leadership; the ZooKeeper election implements it. */
export interface LeadershipView {
  isLeader(): boolean;
  /** `scheme://host:port` of the current leader, or null while an election is under way. */
  leaderBaseUrl(): Promise<string | null>;
}

export const LEADERSHIP_VIEW = Symbol('LeadershipView');
