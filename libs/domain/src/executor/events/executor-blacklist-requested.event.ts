import { DomainEvent } from '../../common/event';

export type ExecutorBlacklistRequestedEvent = DomainEvent<
  'ExecutorBlacklistRequested',
  { executorId: string; at: number }
>;
