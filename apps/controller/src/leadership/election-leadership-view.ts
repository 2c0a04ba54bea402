import { LeaderElection } from './leader-election';
import { LeadershipView } from './leadership-view';

export class ElectionLeadershipView implements LeadershipView {
  constructor(private readonly election: LeaderElection) {}

  isLeader(): boolean {
    return this.election.state === 'LEADER';
  }

  async leaderBaseUrl(): Promise<string | null> {
    const leader = await this.election.leader();
    return leader ? `${leader.transportType.toLowerCase()}://${leader.hostname}:${leader.port}` : null;
  }
}
