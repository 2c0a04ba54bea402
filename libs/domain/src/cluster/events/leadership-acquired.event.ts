import { DomainEvent } from '../../common/event';

export type LeadershipAcquiredEvent = DomainEvent<
  'LeadershipAcquired',
  { hostname: string; previousLeader?: string; at: number }
>;
